package org.casebook.communications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.access.Reads;
import org.casebook.access.RestrictedFields;
import org.casebook.access.Visibility;
import org.casebook.common.Actor;
import org.casebook.common.Checks;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.storage.RecordRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The allegations of communications and the replies' responses to them, and the matrix of the
 * two. A claim is visible with its communication; changing it needs {@link
 * Permission#WRITE_RECORDS} and seeing it. Thread-safe; each operation is one transaction.
 */
public final class ClaimService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final CommunicationService communications;
  private final ReplyService replies;
  private final ClaimStore store = new ClaimStore();
  private final Reads<Claim> reads;

  public ClaimService(Jdbi jdbi, Clock clock, CommunicationService communications, ReplyService replies) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.communications = communications;
    this.replies = replies;
    this.reads = new Reads<>(jdbi, clock, ClaimStore.TABLE, ClaimStore.KIND, Claim::withheld);
  }

  /** A claim the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public Claim get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  public Claim get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(ClaimStore.KIND, id));
  }

  /** A page of the claims the caller may see, in their order. Needs {@link Permission#READ_RECORDS}. */
  public Page<Claim> list(Caller caller, ClaimStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  /**
   * The live claims of a communication the caller may see, in order.
   *
   * @throws NoSuchRecord if the caller may not see the communication
   */
  public List<Claim> forCommunication(Caller caller, UUID communication) {
    communications.get(caller, communication);
    return list(caller, new ClaimStore.Filter(communication, false), new PageRequest(1, Page.MAX_SIZE)).items();
  }

  /** Every live claim of a communication, whoever may see it: for the export. */
  public List<Claim> forCommunication(Handle handle, UUID communication) {
    return store.list(handle, new ClaimStore.Filter(communication, false), new Visibility(Caller.system("read")), null);
  }

  /**
   * The matrix of a communication's claims against its replies, as far as the caller may see
   * either. Needs {@link Permission#READ_RECORDS}.
   *
   * @throws NoSuchRecord if the caller may not see the communication
   */
  public ClaimMatrix matrix(Caller caller, UUID communicationId) {
    Communication communication = communications.get(caller, communicationId);
    List<Reply> answers = replies.forCommunication(caller, communicationId);
    List<Claim> claims = forCommunication(caller, communicationId);
    List<ClaimMatrix.ReplyColumn> columns =
        answers.stream().map(reply -> new ClaimMatrix.ReplyColumn(reply.id(), reply.received(), reply.senderReference())).toList();
    Map<Stance, Integer> counts = new EnumMap<>(Stance.class);
    int notAssessed = 0;
    List<ClaimMatrix.ClaimRow> rows = new ArrayList<>();
    for (Claim claim : claims) {
      List<ClaimMatrix.ClaimCell> cells = new ArrayList<>();
      for (Reply reply : answers) {
        Optional<ClaimResponse> response =
            claim.responses().stream().filter(candidate -> reply.id().equals(candidate.reply())).findFirst();
        if (response.isPresent()) {
          counts.merge(response.get().stance(), 1, Integer::sum);
          cells.add(new ClaimMatrix.ClaimCell(reply.id(), response.get().stance(), response.get().quote(), response.get().sources()));
        } else {
          notAssessed++;
          cells.add(new ClaimMatrix.ClaimCell(reply.id(), null, null, List.of()));
        }
      }
      rows.add(new ClaimMatrix.ClaimRow(claim, cells));
    }
    List<ClaimMatrix.StanceCount> tally = new ArrayList<>();
    for (Stance stance : Stance.values()) {
      tally.add(new ClaimMatrix.StanceCount(stance, counts.getOrDefault(stance, 0)));
    }
    return new ClaimMatrix(
        communication.id(), communication.reference(), communication.subject(), columns, rows, tally, notAssessed);
  }

  /** Records an allegation of a communication the caller may change; without an order it comes last. */
  public Claim create(Caller caller, Claim claim) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(claim);
    UUID id = UUID.randomUUID();
    return jdbi.inTransaction(
        handle -> {
          Checks checks = check(claim, "");
          checkReferences(handle, checks, claim.withHeader(id, null, claim.confidentiality(), null), "");
          if (claim.communication() != null
              && RecordRows.isLive(handle, CommunicationStore.TABLE, claim.communication())
              && !new Visibility(caller).isVisible(handle, CommunicationStore.TABLE, claim.communication())) {
            checks.add("communication", "no communication with id " + claim.communication());
          }
          checks.throwIfAny();
          Guard.requireSharedWrite(handle, caller, CommunicationStore.TABLE, CommunicationStore.KIND, claim.communication());
          Claim ordered = claim.order() != null ? claim : claim.withOrder(store.nextOrder(handle, claim.communication()));
          store.insert(handle, id, null, ordered, caller.actor(), clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  /** Updates a claim, and the responses to it, based on {@code claim.version()}. */
  public Claim update(Caller caller, UUID id, Claim claim) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(claim);
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, ClaimStore.TABLE, ClaimStore.KIND, id);
          Claim stored = get(handle, id);
          Claim changed =
              (RestrictedFields.granted(handle, caller, ClaimStore.TABLE, id) ? claim : claim.keepingRestrictedOf(stored))
                  .withHeader(id, claim.version(), claim.confidentiality(), null);
          if (changed.order() == null) {
            changed = changed.withOrder(stored.order());
          }
          Checks checks = check(changed, "");
          checks.required("version", changed.version());
          if (changed.communication() != null && !changed.communication().equals(stored.communication())) {
            checks.add("communication", "is " + changed.communication() + " but the claim is made by " + stored.communication()
                + "; a claim stays with its communication");
          }
          checkReferences(handle, checks, changed, "");
          checks.throwIfAny();
          store.update(handle, id, changed, caller.actor(), clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  public Claim voidClaim(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, ClaimStore.TABLE, ClaimStore.KIND, id);
          RecordRows.voidRecord(
              handle, ClaimStore.TABLE, ClaimStore.KIND, id, request.version(), request.reason(), caller.actor(),
              clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  /** The errors of a claim's own fields, with paths below {@code prefix}. */
  public Checks check(Claim claim, String prefix) {
    Checks checks = new Checks();
    checks.required(prefix + "communication", claim.communication());
    checks.requiredText(prefix + "text", claim.text(), 10_000);
    if (claim.order() != null && (claim.order() < 1 || claim.order() > 10_000)) {
      checks.add(prefix + "order", "is " + claim.order() + "; expected a place from 1 to 10000");
    }
    checks.optionalText(prefix + "quote", claim.quote(), CommunicationService.MAX_PART);
    checks.optionalText(prefix + "notes", claim.notes(), CommunicationService.MAX_PART);
    checks.each(prefix + "sources", claim.sources(), (path, source) -> {});
    checks.each(prefix + "responses", claim.responses(), (path, response) -> {
      checks.required(path + ".reply", response.reply());
      checks.required(path + ".stance", response.stance());
      checks.optionalText(path + ".quote", response.quote(), CommunicationService.MAX_PART);
      checks.each(path + ".sources", response.sources(), (sourcePath, source) -> {});
    });
    checks.unique(prefix + "responses", claim.responses(), ClaimResponse::reply, "reply");
    return checks;
  }

  /**
   * The errors that need the database: the communication must be live; every source must be a live
   * source; every response must be to a live reply to the same communication.
   */
  public void checkReferences(Handle handle, Checks checks, Claim claim, String prefix) {
    if (claim.communication() != null && !RecordRows.isLive(handle, CommunicationStore.TABLE, claim.communication())) {
      checks.add(prefix + "communication", "no communication with id " + claim.communication());
    }
    sources(handle, checks, prefix + "sources", claim.sources());
    for (int index = 0; index < claim.responses().size(); index++) {
      ClaimResponse response = claim.responses().get(index);
      if (response == null) {
        continue;
      }
      String path = prefix + "responses[" + index + "]";
      if (response.reply() != null) {
        Optional<UUID> answers = communicationOfLiveReply(handle, response.reply());
        if (answers.isEmpty()) {
          checks.add(path + ".reply", "no reply with id " + response.reply());
        } else if (claim.communication() != null && !answers.get().equals(claim.communication())) {
          checks.add(path + ".reply", "is a reply to another communication (" + answers.get() + "), not to " + claim.communication());
        }
      }
      sources(handle, checks, path + ".sources", response.sources());
    }
  }

  private static Optional<UUID> communicationOfLiveReply(Handle handle, UUID reply) {
    return handle
        .createQuery(
            "SELECT m.public_id FROM replies r JOIN communications m ON m.id = r.communication_id"
                + " WHERE r.public_id = :reply AND r.voided_at IS NULL")
        .bind("reply", reply)
        .mapTo(UUID.class)
        .findOne();
  }

  private static void sources(Handle handle, Checks checks, String field, List<UUID> sources) {
    for (int index = 0; index < sources.size(); index++) {
      UUID source = sources.get(index);
      if (source != null && !RecordRows.isLive(handle, "sources", source)) {
        checks.add(field + "[" + index + "]", "no source with id " + source);
      }
    }
  }

  /** Inserts or updates a claim inside an import's transaction, which has checked it. Returns the key. */
  public long save(Handle handle, UUID id, String importKey, Claim claim, Actor actor, boolean exists) {
    if (!exists) {
      return store.insert(handle, id, importKey, claim, actor, clock.instant());
    }
    int version = RecordRows.currentVersion(handle, ClaimStore.TABLE, ClaimStore.KIND, id);
    return store.update(handle, id, claim.withHeader(id, version, claim.confidentiality(), null), actor, clock.instant());
  }

  private static void requireBody(Claim claim) {
    if (claim == null) {
      throw new InvalidInput("body", "is empty");
    }
  }
}
