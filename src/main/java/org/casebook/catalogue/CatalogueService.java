package org.casebook.catalogue;

import java.time.Clock;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.common.Actor;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The legal catalogue: the codes, their articles and parts, and the matching of charge citations
 * against them. The catalogue is reference data: provisions are added, never changed or voided, so
 * that a stored charge keeps its meaning. Thread-safe.
 */
public final class CatalogueService {
  public static final String KIND = "provision";

  private static final Pattern ARTICLE = Pattern.compile("[0-9]+(?:[-.][0-9]+)?");
  private static final Pattern PART = Pattern.compile("[0-9a-z]{1,10}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final BigDecimal LONGEST_PENALTY = new BigDecimal("999.99");
  private static final String PROVISION_COLUMNS =
      "public_id, code, article, part, title_en, title_ru, max_penalty_years";

  /** Articles and parts in their natural order: 24 before 130, 24-1 after 24. */
  private static final Comparator<Provision> NATURAL_ORDER =
      Comparator.comparing(Provision::code)
          .thenComparing(provision -> naturalKey(provision.article()))
          .thenComparing(provision -> naturalKey(provision.part()));

  private final Jdbi jdbi;
  private final Clock clock;

  public CatalogueService(Jdbi jdbi) {
    this(jdbi, Clock.systemUTC());
  }

  /** The catalogue of the database; {@code clock} dates the audit entries of added provisions. */
  public CatalogueService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Every legal code, by code. */
  public List<LegalCode> codes() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT code, country, title_en, title_ru FROM legal_codes ORDER BY code")
                .map(
                    (row, context) ->
                        new LegalCode(
                            row.getString("code"), row.getString("country"),
                            row.getString("title_en"), row.getString("title_ru")))
                .list());
  }

  /**
   * The provisions of one code, or of every code when {@code code} is null or blank, articles in
   * numeric order, each article before its parts.
   */
  public List<Provision> provisions(String code) {
    Map<String, Object> parameters =
        code == null || code.isBlank() ? Map.of() : Map.of("code", code.trim());
    List<Provision> provisions =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT "
                            + PROVISION_COLUMNS
                            + " FROM provisions"
                            + (parameters.isEmpty() ? "" : " WHERE code = :code"))
                    .bindMap(parameters)
                    .map((row, context) -> read(row))
                    .list());
    return provisions.stream().sorted(NATURAL_ORDER).toList();
  }

  public Provision get(UUID id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + PROVISION_COLUMNS + " FROM provisions WHERE public_id = :id")
                .bind("id", id)
                .map((row, context) -> read(row))
                .findOne()
                .orElseThrow(() -> new NoSuchRecord(KIND, id)));
  }

  /**
   * Adds an article, or a part of an article already in the catalogue, and returns it with its new
   * id.
   *
   * @throws InvalidInput naming every bad field: an unknown code, an article or part not in the
   *     accepted form, a missing title, a part of an article the catalogue lacks, or a provision
   *     already in the catalogue
   */
  public Provision add(Caller caller, Provision provision) {
    caller.require(Permission.MANAGE_CATALOGUE);
    if (provision == null) {
      throw new InvalidInput("body", "is empty");
    }
    return jdbi.inTransaction(
        handle -> {
          check(handle, provision).throwIfAny();
          UUID id = UUID.randomUUID();
          handle
              .createUpdate(
                  "INSERT INTO provisions ("
                      + PROVISION_COLUMNS
                      + ") VALUES (:id, :code, :article,"
                      + " :part, :title_en, :title_ru, :max_penalty_years)")
              .bind("id", id)
              .bind("code", provision.code())
              .bind("article", provision.article())
              .bind("part", partColumn(provision.part()))
              .bind("title_en", provision.titleEn().trim())
              .bind("title_ru", provision.titleRu().trim())
              .bindByType("max_penalty_years", provision.maxPenaltyYears(), BigDecimal.class)
              .execute();
          Actor actor = caller.actor();
          AuditLog.appendTo(handle, new AuditEntry(clock.instant(), actor.name(), actor.sessionId(), "provision-add", "provision", id, provision.code()));
          return find(handle, provision.code(), provision.article(), emptyToNull(provision.part()))
              .orElseThrow();
        });
  }

  private static Checks check(Handle handle, Provision provision) {
    Checks checks = new Checks();
    checks.required("code", provision.code());
    if (provision.code() != null && !codeExists(handle, provision.code())) {
      checks.add(
          "code",
          "\"" + provision.code() + "\" is not a legal code; known codes: " + knownCodes(handle));
    }
    checks.required("article", provision.article());
    if (provision.article() != null && !ARTICLE.matcher(provision.article()).matches()) {
      checks.add(
          "article",
          "\""
              + provision.article()
              + "\" is not an article number; expected digits, such as 274 or 24-1");
    }
    String part = emptyToNull(provision.part());
    if (part != null && !PART.matcher(part).matches()) {
      checks.add(
          "part", "\"" + part + "\" is not a part; expected 1 to 10 digits or lower-case letters");
    }
    checks.requiredText("title_en", provision.titleEn(), 500);
    checks.requiredText("title_ru", provision.titleRu(), 500);
    BigDecimal penalty = provision.maxPenaltyYears();
    if (penalty != null
        && (penalty.signum() <= 0
            || penalty.compareTo(LONGEST_PENALTY) > 0
            || penalty.stripTrailingZeros().scale() > 2)) {
      checks.add(
          "max_penalty_years",
          "is "
              + penalty.toPlainString()
              + "; expected a number of years above 0 and at most 999.99, with at most two"
              + " decimals");
    }
    if (checks.ok()) {
      checkPlace(handle, checks, provision);
    }
    return checks;
  }

  /** Refuses a provision that is already listed, or a part whose article is not. */
  private static void checkPlace(Handle handle, Checks checks, Provision provision) {
    String part = emptyToNull(provision.part());
    if (find(handle, provision.code(), provision.article(), part).isPresent()) {
      checks.add(
          part == null ? "article" : "part", provision.citation() + " is already in the catalogue");
    } else if (part != null
        && find(handle, provision.code(), provision.article(), null).isEmpty()) {
      checks.add(
          "article",
          "article "
              + provision.article()
              + " of "
              + provision.code()
              + " is not in the catalogue; add the article before its parts");
    }
  }

  /**
   * Matches a citation against the catalogue, in the caller's transaction.
   *
   * @throws InvalidInput naming {@code field} when the code or the article is not in the catalogue;
   *     for an unknown article the message lists the articles known for the code. A part the
   *     catalogue does not list is accepted: the article's maximum penalty applies then.
   */
  public ResolvedCharge resolve(Handle handle, Citation citation, String field) {
    if (!codeExists(handle, citation.code())) {
      throw new InvalidInput(
          field,
          "\"" + citation.code() + "\" is not a legal code; known codes: " + knownCodes(handle));
    }
    Provision article =
        find(handle, citation.code(), citation.article(), null)
            .orElseThrow(
                () ->
                    new InvalidInput(
                        field,
                        "article "
                            + citation.article()
                            + " of "
                            + citation.code()
                            + " is not in the catalogue;"
                            + " known articles: "
                            + knownArticles(handle, citation.code())));
    BigDecimal maxPenalty =
        citation.part() == null
            ? article.maxPenaltyYears()
            : find(handle, citation.code(), citation.article(), citation.part())
                .map(Provision::maxPenaltyYears)
                .orElse(article.maxPenaltyYears());
    long key =
        handle
            .createQuery("SELECT id FROM provisions WHERE public_id = :id")
            .bind("id", article.id())
            .mapTo(Long.class)
            .one();
    return new ResolvedCharge(key, citation, article.titleEn(), maxPenalty);
  }

  private static Optional<Provision> find(Handle handle, String code, String article, String part) {
    return handle
        .createQuery(
            "SELECT "
                + PROVISION_COLUMNS
                + " FROM provisions"
                + " WHERE code = :code AND article = :article AND part = :part")
        .bind("code", code)
        .bind("article", article)
        .bind("part", partColumn(part))
        .map((row, context) -> read(row))
        .findOne();
  }

  private static boolean codeExists(Handle handle, String code) {
    return handle
            .createQuery("SELECT COUNT(*) FROM legal_codes WHERE code = :code")
            .bind("code", code)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static String knownCodes(Handle handle) {
    return String.join(
        ", ",
        handle
            .createQuery("SELECT code FROM legal_codes ORDER BY code")
            .mapTo(String.class)
            .list());
  }

  private static String knownArticles(Handle handle, String code) {
    List<String> articles =
        handle
            .createQuery("SELECT article FROM provisions WHERE code = :code AND part = ''")
            .bind("code", code)
            .mapTo(String.class)
            .list();
    return articles.isEmpty()
        ? "none yet"
        : articles.stream()
            .sorted(Comparator.comparing(CatalogueService::naturalKey))
            .collect(Collectors.joining(", "));
  }

  private static Provision read(ResultSet row) throws SQLException {
    return new Provision(
        row.getObject("public_id", UUID.class),
        row.getString("code"),
        row.getString("article"),
        emptyToNull(row.getString("part")),
        row.getString("title_en"),
        row.getString("title_ru"),
        row.getBigDecimal("max_penalty_years"));
  }

  /** The article level is stored as an empty part, so that the unique key covers it. */
  private static String partColumn(String part) {
    return part == null ? "" : part.trim();
  }

  private static String emptyToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** Text whose order is the natural order of its numbers: each run of digits padded to 10. */
  private static String naturalKey(String text) {
    if (text == null) {
      return "";
    }
    Matcher digits = DIGITS.matcher(text);
    StringBuilder key = new StringBuilder();
    while (digits.find()) {
      digits.appendReplacement(
          key, "0".repeat(Math.max(0, 10 - digits.group().length())) + digits.group());
    }
    digits.appendTail(key);
    return key.toString();
  }
}
