package org.casebook.vocabulary;

import java.time.Clock;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.common.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.jdbi.v3.core.Jdbi;

/**
 * The coded vocabularies (event types, roles, statuses, reliability levels ...), kept as data in
 * the database so that an administrator can extend them. Reads are served from an in-memory
 * snapshot that is replaced whenever a term is added.
 *
 * <p>Thread-safe: the snapshot is immutable and swapped atomically. In a deployment with several
 * nodes, a node sees another node's new term after {@link #reload()} (at start, or on its next
 * own change).
 */
public final class Vocabularies {
  /** Names of the vocabularies the records use. */
  public static final String RISK_LEVEL = "risk_level";

  public static final String CASE_STATUS = "case_status";
  public static final String SEX = "sex";
  public static final String NAME_KIND = "name_kind";
  public static final String ORGANIZATION_KIND = "organization_kind";
  public static final String REGISTRATION_OUTCOME = "registration_outcome";
  public static final String MEMBERSHIP_ROLE = "membership_role";
  public static final String RELATIONSHIP_TYPE = "relationship_type";
  public static final String SOURCE_KIND = "source_kind";
  public static final String RELIABILITY = "reliability";
  public static final String EVENT_TYPE = "event_type";
  public static final String PARTICIPANT_ROLE = "participant_role";
  public static final String VIOLATION_STATUS = "violation_status";
  public static final String EVENT_LINK = "event_link";
  public static final String PROCEEDING_KIND = "proceeding_kind";
  public static final String PARTY_ROLE = "party_role";
  public static final String PROCEEDING_STATUS = "proceeding_status";

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,49}");

  private final Jdbi jdbi;
  private final Clock clock;
  private final AtomicReference<Map<String, List<VocabularyTerm>>> snapshot =
      new AtomicReference<>(Map.of());

  public Vocabularies(Jdbi jdbi) {
    this(jdbi, Clock.systemUTC());
  }

  /** The vocabularies of the database; {@code clock} dates the audit entries of added terms. */
  public Vocabularies(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    reload();
  }

  /** Reads every vocabulary from the database into a fresh snapshot. */
  public void reload() {
    List<VocabularyTerm> terms =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT vocabulary, code, label_en, label_ru, position, active"
                            + " FROM vocabulary_terms ORDER BY vocabulary, position, code")
                    .map(
                        (row, context) ->
                            new VocabularyTerm(
                                row.getString("vocabulary"),
                                row.getString("code"),
                                row.getString("label_en"),
                                row.getString("label_ru"),
                                row.getInt("position"),
                                row.getBoolean("active")))
                    .list());
    Map<String, List<VocabularyTerm>> byName = new LinkedHashMap<>();
    for (VocabularyTerm term : terms) {
      byName.computeIfAbsent(term.vocabulary(), name -> new java.util.ArrayList<>()).add(term);
    }
    byName.replaceAll((name, list) -> List.copyOf(list));
    snapshot.set(Map.copyOf(byName));
  }

  public Set<String> names() {
    return new java.util.TreeSet<>(snapshot.get().keySet());
  }

  /** The terms of one vocabulary in their display order. */
  public List<VocabularyTerm> terms(String vocabulary) {
    List<VocabularyTerm> terms = snapshot.get().get(vocabulary);
    if (terms == null) {
      throw new NoSuchRecord("vocabulary", vocabulary);
    }
    return terms;
  }

  /** Whether {@code code} is an active term of {@code vocabulary}. */
  public boolean contains(String vocabulary, String code) {
    return snapshot.get().getOrDefault(vocabulary, List.of()).stream()
        .anyMatch(term -> term.active() && term.code().equals(code));
  }

  /** Records an error naming the field and the accepted codes when {@code code} is not a term. */
  public void check(Checks checks, String field, String vocabulary, String code) {
    if (code == null || contains(vocabulary, code)) {
      return;
    }
    String accepted =
        snapshot.get().getOrDefault(vocabulary, List.of()).stream()
            .filter(VocabularyTerm::active)
            .map(VocabularyTerm::code)
            .collect(Collectors.joining(", "));
    checks.add(field, "\"" + code + "\" is not in the vocabulary " + vocabulary + "; expected one of: " + accepted);
  }

  /** A label of a term for display, in Russian when {@code russian}, else English. */
  public String label(String vocabulary, String code, boolean russian) {
    return snapshot.get().getOrDefault(vocabulary, List.of()).stream()
        .filter(term -> term.code().equals(code))
        .map(term -> russian ? term.labelRu() : term.labelEn())
        .findFirst()
        .orElse(code);
  }

  /**
   * Adds a term to an existing vocabulary, or updates the labels of an existing term and
   * reactivates it. Needs {@link Permission#MANAGE_VOCABULARIES}.
   */
  public VocabularyTerm addTerm(Caller caller, String vocabulary, String code, String labelEn, String labelRu) {
    caller.require(Permission.MANAGE_VOCABULARIES);
    if (!snapshot.get().containsKey(vocabulary)) {
      throw new NoSuchRecord("vocabulary", vocabulary);
    }
    Checks checks = new Checks();
    if (code == null || !CODE.matcher(code).matches()) {
      checks.add("code", "\"" + code + "\" is not a code; expected lower-case letters, digits and hyphens, starting with a letter, at most 50");
    }
    checks.requiredText("label_en", labelEn, 200);
    checks.requiredText("label_ru", labelRu, 200);
    checks.throwIfAny();
    jdbi.useTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "UPDATE vocabulary_terms SET label_en = :en, label_ru = :ru, active = TRUE"
                          + " WHERE vocabulary = :vocabulary AND code = :code")
                  .bind("en", labelEn)
                  .bind("ru", labelRu)
                  .bind("vocabulary", vocabulary)
                  .bind("code", code)
                  .execute();
          if (updated == 0) {
            handle
                .createUpdate(
                    "INSERT INTO vocabulary_terms (vocabulary, code, label_en, label_ru, position)"
                        + " SELECT :vocabulary, :code, :en, :ru, COALESCE(MAX(position), 0) + 1"
                        + " FROM vocabulary_terms WHERE vocabulary = :vocabulary")
                .bind("en", labelEn)
                .bind("ru", labelRu)
                .bind("vocabulary", vocabulary)
                .bind("code", code)
                .execute();
          }
          Actor actor = caller.actor();
          AuditLog.appendTo(
              handle, new AuditEntry(clock.instant(), actor.name(), actor.sessionId(), "vocabulary-term-add", null, null, vocabulary + ":" + code));
        });
    reload();
    return terms(vocabulary).stream()
        .filter(term -> term.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new InvalidInput("code", "was not stored"));
  }
}
