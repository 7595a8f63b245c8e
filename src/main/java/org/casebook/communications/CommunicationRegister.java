package org.casebook.communications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.casebook.common.Confidentiality;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.Redaction;
import org.casebook.people.PersonStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The public register of communications: those marked public and published whose public date has
 * come (by the injected clock, in the settings' time zone), with their published replies and
 * public claims. Needs no sign-in. What is not public is left out where it stands: the team's
 * notes and the notes and authors of the history, links to persons who are protected or not
 * public, to case files, sources and communications that are not public, replies not yet
 * published. A communication that is not public is answered exactly like one that does not exist.
 *
 * <p>Thread-safe; each read is one transaction.
 */
public final class CommunicationRegister {
  private static final String KIND = "public communication";

  private final Jdbi jdbi;
  private final Clock clock;
  private final CommunicationPeriods periods;
  private final CommunicationStore store = new CommunicationStore();
  private final ReplyService replies;
  private final ClaimService claims;

  /**
   * The filters of the register; null fields do not filter.
   *
   * @param replied whether a reply came (any live reply, published or not)
   * @param text a part of the subject or the reference
   */
  public record Filter(String state, String mandate, CommunicationType type, Integer year, Boolean replied, String text) {
    public static Filter all() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  /** A public communication with its published replies and public claims. */
  public record Entry(Communication communication, List<Reply> replies, List<Claim> claims) {}

  /**
   * The figures of one State (by the code in the references, {@value Reference#NO_STATE} for
   * letters to no State) over its public communications.
   *
   * @param shareReplied the share of letters that received a reply, from 0 to 1
   * @param medianDaysToReply the median of the days from sending to the first reply, over the
   *     letters that received one; null when none did
   */
  public record StateFigures(String state, int letters, int replied, double shareReplied, Double medianDaysToReply) {}

  public CommunicationRegister(Jdbi jdbi, Clock clock, CommunicationService communications, ReplyService replies, ClaimService claims) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.periods = communications.periods();
    this.replies = replies;
    this.claims = claims;
  }

  /**
   * A page of the public communications, newest first. A text filter matches the subject and the
   * reference as the register shows them, so a withheld name finds nothing.
   */
  public Page<Communication> list(Filter filter, PageRequest page) {
    LocalDate today = periods.day(clock.instant());
    if (filter.text() != null && !filter.text().isBlank()) {
      return jdbi.inTransaction(handle -> listMatching(handle, today, filter, page));
    }
    return jdbi.inTransaction(
        handle -> {
          List<Communication> found = store.publicList(handle, today, filter, page);
          Publicity publicity = Publicity.of(handle, found);
          return page.of(found.stream().map(publicity::shown).toList(), store.publicCount(handle, today, filter));
        });
  }

  /**
   * The page of a search by text: the database finds the candidates (the text in the subject or
   * reference as stored), then only those whose shown subject or reference still holds it are
   * kept. The register holds the public letters only, so all the candidates are read.
   */
  private Page<Communication> listMatching(Handle handle, LocalDate today, Filter filter, PageRequest page) {
    String wanted = filter.text().strip().toLowerCase(Locale.ROOT);
    List<Communication> matching = new ArrayList<>();
    for (int number = 1; ; number++) {
      List<Communication> candidates = store.publicList(handle, today, filter, new PageRequest(number, Page.MAX_SIZE));
      Publicity publicity = Publicity.of(handle, candidates);
      for (Communication candidate : candidates) {
        Communication shown = publicity.shown(candidate);
        if (holds(shown.subject(), wanted) || holds(shown.reference(), wanted)) {
          matching.add(shown);
        }
      }
      if (candidates.size() < Page.MAX_SIZE) {
        break;
      }
    }
    int from = Math.min(matching.size(), (page.page() - 1) * page.size());
    int to = Math.min(matching.size(), from + page.size());
    return page.of(List.copyOf(matching.subList(from, to)), matching.size());
  }

  private static boolean holds(String text, String wanted) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
  }

  /**
   * A public communication with its published replies and public claims.
   *
   * @throws NoSuchRecord if it is not public now
   */
  public Entry get(UUID id) {
    LocalDate today = periods.day(clock.instant());
    return jdbi.inTransaction(
        handle -> {
          Communication communication =
              store.findPublic(handle, id, today).orElseThrow(() -> new NoSuchRecord(KIND, id));
          List<Reply> published =
              replies.forCommunication(handle, id).stream()
                  .filter(reply -> reply.confidentiality() == Confidentiality.PUBLIC
                      && reply.translationStatus() == TranslationStatus.PUBLISHED)
                  .toList();
          List<Claim> publicClaims =
              claims.forCommunication(handle, id).stream()
                  .filter(claim -> claim.confidentiality() == Confidentiality.PUBLIC)
                  .toList();
          Publicity publicity = Publicity.of(handle, List.of(communication), published, publicClaims);
          Set<UUID> shownReplies = new HashSet<>();
          published.forEach(reply -> shownReplies.add(reply.id()));
          return new Entry(
              publicity.shown(communication),
              published.stream().map(publicity::shown).toList(),
              publicClaims.stream().map(claim -> publicity.shown(claim, shownReplies)).toList());
        });
  }

  /**
   * For each State, over its public communications: how many there are, how many received a reply,
   * the share, and the median number of days to the first reply. States by code.
   */
  public List<StateFigures> figures() {
    LocalDate today = periods.day(clock.instant());
    return jdbi.withHandle(
        handle -> {
          Map<String, List<Long>> days = new TreeMap<>();
          Map<String, Integer> letters = new TreeMap<>();
          handle
              .createQuery(
                  "SELECT m.ref_state, m.sent_on, (SELECT MIN(r.received_on) FROM replies r WHERE r.communication_id = m.id"
                      + " AND r.voided_at IS NULL) AS first_reply FROM communications m WHERE " + CommunicationStore.PUBLIC)
              .bind("today", today)
              .map(
                  (row, context) -> {
                    String state = row.getString("ref_state");
                    letters.merge(state, 1, Integer::sum);
                    LocalDate sent = row.getObject("sent_on", LocalDate.class);
                    LocalDate reply = row.getObject("first_reply", LocalDate.class);
                    List<Long> replied = days.computeIfAbsent(state, ignored -> new ArrayList<>());
                    if (reply != null) {
                      replied.add(ChronoUnit.DAYS.between(sent, reply));
                    }
                    return state;
                  })
              .list();
          List<StateFigures> figures = new ArrayList<>();
          for (Map.Entry<String, Integer> state : letters.entrySet()) {
            List<Long> replied = days.get(state.getKey());
            figures.add(new StateFigures(
                state.getKey(), state.getValue(), replied.size(), (double) replied.size() / state.getValue(), median(replied)));
          }
          return figures;
        });
  }

  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  /**
   * Which of the records that public communications name are public themselves, and the names that
   * may not appear in their texts: those of the protected and restricted persons they concern, or
   * that their case files list, replaced by {@link Redaction#MARK} wherever they were written.
   */
  private record Publicity(Set<UUID> persons, Set<UUID> cases, Set<UUID> sources, WithheldNames withheld) {
    static Publicity of(Handle handle, List<Communication> communications) {
      return of(handle, communications, List.of(), List.of());
    }

    static Publicity of(Handle handle, List<Communication> communications, List<Reply> replies, List<Claim> claims) {
      Set<UUID> persons = new HashSet<>();
      Set<UUID> cases = new HashSet<>();
      Set<UUID> sources = new HashSet<>();
      for (Communication communication : communications) {
        persons.addAll(communication.persons());
        cases.addAll(communication.cases());
        sources.addAll(communication.sources());
      }
      replies.forEach(reply -> reply.documents().forEach(document -> sources.add(document.source())));
      for (Claim claim : claims) {
        sources.addAll(claim.sources());
        claim.responses().forEach(response -> sources.addAll(response.sources()));
      }
      return new Publicity(
          publicAmong(handle, "persons", persons, " AND protected = FALSE"),
          publicAmong(handle, "case_files", cases, ""),
          publicAmong(handle, "sources", sources, ""),
          withheldNames(handle, persons, cases));
    }

    private static WithheldNames withheldNames(Handle handle, Collection<UUID> persons, Collection<UUID> cases) {
      if (persons.isEmpty() && cases.isEmpty()) {
        return WithheldNames.among(List.of());
      }
      List<UUID> none = List.of(new UUID(0, 0));
      List<UUID> ids =
          handle
              .createQuery(
                  "SELECT p.public_id FROM persons p WHERE p.voided_at IS NULL"
                      + " AND (p.protected = TRUE OR p.confidentiality = 'restricted')"
                      + " AND (p.public_id IN (<persons>) OR EXISTS (SELECT 1 FROM case_persons cp"
                      + " JOIN case_files c ON c.id = cp.case_id WHERE cp.person_id = p.id AND c.public_id IN (<cases>)))")
              .bindList("persons", persons.isEmpty() ? none : List.copyOf(persons))
              .bindList("cases", cases.isEmpty() ? none : List.copyOf(cases))
              .mapTo(UUID.class)
              .list();
      return WithheldNames.among(new PersonStore().findAll(handle, ids));
    }

    private String told(String text) {
      return withheld.apply(text, Redaction.MARK);
    }

    private static Set<UUID> publicAmong(Handle handle, String table, Collection<UUID> ids, String more) {
      if (ids.isEmpty()) {
        return Set.of();
      }
      return new HashSet<>(
          handle
              .createQuery("SELECT public_id FROM " + table + " WHERE public_id IN (<ids>) AND confidentiality = 'public'"
                  + " AND voided_at IS NULL" + more)
              .bindList("ids", List.copyOf(ids))
              .mapTo(UUID.class)
              .list());
    }

    Communication shown(Communication communication) {
      List<Transition> history =
          communication.history().stream().map(step -> new Transition(step.status(), step.date(), null, null, null)).toList();
      return new Communication(
          communication.id(), null, communication.confidentiality(), null, communication.type(), communication.joint(),
          communication.reference(), communication.status(), communication.sentOn(), communication.publicOn(),
          communication.states(), communication.otherAddressees(), communication.mandates(),
          communication.cases().stream().filter(cases::contains).toList(),
          communication.persons().stream().filter(persons::contains).toList(), told(communication.subject()),
          told(communication.summary()), told(communication.text()), told(communication.concerns()),
          withheld.apply(communication.questions(), Redaction.MARK), withheld.apply(communication.standards(), Redaction.MARK),
          communication.sources().stream().filter(sources::contains).toList(),
          communication.links().stream()
              .filter(link -> link.relation() == Relation.FOLLOW_UP_OF).map(CommunicationLink::communication)
              .findFirst().orElse(null),
          List.of(), communication.links(), history, null);
    }

    Reply shown(Reply reply) {
      return new Reply(
          reply.id(), null, reply.confidentiality(), null, reply.communication(), reply.received(), reply.sender(),
          reply.senderReference(), reply.language(),
          reply.documents().stream().filter(document -> sources.contains(document.source())).toList(),
          reply.translationStatus(), told(reply.summary()), null);
    }

    Claim shown(Claim claim, Set<UUID> shownReplies) {
      return new Claim(
          claim.id(), null, claim.confidentiality(), null, claim.communication(), claim.order(), told(claim.text()), claim.date(),
          told(claim.quote()), claim.sources().stream().filter(sources::contains).toList(),
          claim.responses().stream()
              .filter(response -> shownReplies.contains(response.reply()))
              .map(response -> new ClaimResponse(
                  response.reply(), response.stance(), told(response.quote()),
                  response.sources().stream().filter(sources::contains).toList()))
              .toList(),
          null);
    }
  }
}
