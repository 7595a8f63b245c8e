package org.casebook.communications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * Replies to communications. Recording a reply to a sent communication records {@code
 * reply-received} on it in the same transaction, dated the day the reply came (see {@link
 * CommunicationService}). A reply is visible with its communication; changing it needs {@link
 * Permission#WRITE_RECORDS} and seeing it. Thread-safe; each operation is one transaction.
 */
public final class ReplyService {
  private final Jdbi jdbi;
  private final Clock clock;
  private final CommunicationService communications;
  private final ReplyStore store = new ReplyStore();
  private final Reads<Reply> reads;

  public ReplyService(Jdbi jdbi, Clock clock, CommunicationService communications) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.communications = communications;
    this.reads = new Reads<>(jdbi, clock, ReplyStore.TABLE, ReplyStore.KIND, Reply::withheld);
  }

  /** A reply the caller may see, voided or not. Needs {@link Permission#READ_RECORDS}. */
  public Reply get(Caller caller, UUID id) {
    return reads.one(caller, id, this::get);
  }

  public Reply get(Handle handle, UUID id) {
    return store.find(handle, id).orElseThrow(() -> new NoSuchRecord(ReplyStore.KIND, id));
  }

  /** A page of the replies the caller may see. Needs {@link Permission#READ_RECORDS}. */
  public Page<Reply> list(Caller caller, ReplyStore.Filter filter, PageRequest page) {
    return reads.page(
        caller,
        page,
        (handle, visibility) -> store.list(handle, filter, visibility, page),
        (handle, visibility) -> store.count(handle, filter, visibility));
  }

  /**
   * The live replies to a communication the caller may see, in the order they came.
   *
   * @throws NoSuchRecord if the caller may not see the communication
   */
  public List<Reply> forCommunication(Caller caller, UUID communication) {
    caller.require(Permission.READ_RECORDS);
    communications.get(caller, communication);
    return list(caller, new ReplyStore.Filter(communication, false), new PageRequest(1, org.casebook.common.Page.MAX_SIZE)).items();
  }

  /** Every live reply to a communication, whoever may see it: for the export and the matrix. */
  public List<Reply> forCommunication(Handle handle, UUID communication) {
    return store.list(handle, new ReplyStore.Filter(communication, false), new Visibility(Caller.system("read")), null);
  }

  /** Records a reply to a communication the caller may change. */
  public Reply create(Caller caller, Reply reply) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(reply);
    return jdbi.inTransaction(handle -> create(handle, caller, reply));
  }

  /**
   * Records a reply inside the caller's transaction, as {@link #create(Caller, Reply)} does: for a
   * form that stores a new document of the reply as a source in the same transaction.
   */
  public Reply create(Handle handle, Caller caller, Reply reply) {
    caller.require(Permission.WRITE_RECORDS);
    Reply complete = requireBody(reply).withDefaults();
    UUID id = UUID.randomUUID();
    Checks checks = check(complete, "");
    checkReferences(handle, checks, complete, "");
    if (complete.communication() != null
        && RecordRows.isLive(handle, CommunicationStore.TABLE, complete.communication())
        && !new Visibility(caller).isVisible(handle, CommunicationStore.TABLE, complete.communication())) {
      checks.add("communication", "no communication with id " + complete.communication());
    }
    checks.throwIfAny();
    Guard.requireSharedWrite(
        handle, caller, CommunicationStore.TABLE, CommunicationStore.KIND, complete.communication());
    store.insert(handle, id, null, complete, caller.actor(), clock.instant());
    communications.replyReceived(
        handle, complete.communication(), complete.received(), complete.senderReference(), caller.actor());
    return reads.afterWrite(handle, caller, get(handle, id));
  }

  /** Updates a reply based on {@code reply.version()}; it stays the reply to the same communication. */
  public Reply update(Caller caller, UUID id, Reply reply) {
    caller.require(Permission.WRITE_RECORDS);
    requireBody(reply);
    return jdbi.inTransaction(handle -> update(handle, caller, id, reply));
  }

  /** Updates a reply inside the caller's transaction, as {@link #update(Caller, UUID, Reply)} does. */
  public Reply update(Handle handle, Caller caller, UUID id, Reply reply) {
    caller.require(Permission.WRITE_RECORDS);
    Reply complete = requireBody(reply).withDefaults();
    Guard.requireSharedWrite(handle, caller, ReplyStore.TABLE, ReplyStore.KIND, id);
    Reply stored = get(handle, id);
    Reply changed =
        (RestrictedFields.granted(handle, caller, ReplyStore.TABLE, id) ? complete : complete.keepingRestrictedOf(stored))
            .withHeader(id, complete.version(), complete.confidentiality(), null);
    Checks checks = check(changed, "");
    checks.required("version", changed.version());
    if (changed.communication() != null && !changed.communication().equals(stored.communication())) {
      checks.add("communication", "is " + changed.communication() + " but the reply answers " + stored.communication()
          + "; record a reply to another communication as a new reply");
    }
    checkReferences(handle, checks, changed, "");
    checks.throwIfAny();
    store.update(handle, id, changed, caller.actor(), clock.instant());
    return reads.afterWrite(handle, caller, get(handle, id));
  }

  public Reply voidReply(Caller caller, UUID id, VoidRequest request) {
    caller.require(Permission.WRITE_RECORDS);
    request.check();
    return jdbi.inTransaction(
        handle -> {
          Guard.requireSharedWrite(handle, caller, ReplyStore.TABLE, ReplyStore.KIND, id);
          RecordRows.voidRecord(
              handle, ReplyStore.TABLE, ReplyStore.KIND, id, request.version(), request.reason(), caller.actor(),
              clock.instant());
          return reads.afterWrite(handle, caller, get(handle, id));
        });
  }

  /** The errors of a reply's own fields, with paths below {@code prefix}. */
  public Checks check(Reply reply, String prefix) {
    Checks checks = new Checks();
    checks.required(prefix + "communication", reply.communication());
    checks.required(prefix + "received", reply.received());
    LocalDate today = communications.today();
    if (reply.received() != null && reply.received().isAfter(today)) {
      checks.add(prefix + "received", "is " + reply.received() + ", after today (" + today + "); a reply is recorded once it has come");
    }
    checks.optionalText(prefix + "sender", reply.sender(), 500);
    checks.optionalText(prefix + "sender_reference", reply.senderReference(), 200);
    checks.language(prefix + "language", reply.language());
    checks.optionalText(prefix + "summary", reply.summary(), CommunicationService.MAX_PART);
    checks.optionalText(prefix + "notes", reply.notes(), CommunicationService.MAX_PART);
    checks.each(prefix + "documents", reply.documents(), (path, document) -> {
      checks.required(path + ".source", document.source());
      checks.language(path + ".language", document.language());
    });
    checks.unique(prefix + "documents", reply.documents(), ReplyDocument::source, "source");
    return checks;
  }

  /**
   * The errors that need the database: the communication must be live and sent, and the reply
   * cannot have come before it was sent; every document must be a live source.
   */
  public void checkReferences(Handle handle, Checks checks, Reply reply, String prefix) {
    if (reply.communication() != null) {
      if (!RecordRows.isLive(handle, CommunicationStore.TABLE, reply.communication())) {
        checks.add(prefix + "communication", "no communication with id " + reply.communication());
      } else {
        checkAgainst(checks, reply, communications.get(handle, reply.communication()), prefix);
      }
    }
    for (int index = 0; index < reply.documents().size(); index++) {
      ReplyDocument document = reply.documents().get(index);
      if (document != null && document.source() != null && !RecordRows.isLive(handle, "sources", document.source())) {
        checks.add(prefix + "documents[" + index + "].source", "no source with id " + document.source());
      }
    }
  }

  /** The errors of a reply against the communication it answers, given as it is or will be. */
  public static void checkAgainst(Checks checks, Reply reply, Communication communication, String prefix) {
    if (!communication.isSent() && Lifecycle.firstDate(communication.history(), CommunicationStatus.SENT) == null) {
      checks.add(prefix + "communication", "is a draft; a reply is recorded to a communication that was sent");
      return;
    }
    LocalDate sentOn = communication.sentOn() != null
        ? communication.sentOn() : Lifecycle.firstDate(communication.history(), CommunicationStatus.SENT);
    if (reply.received() != null && reply.received().isBefore(sentOn)) {
      checks.add(prefix + "received", "is " + reply.received() + ", before the communication was sent (" + sentOn + ")");
    }
  }

  /**
   * Inserts or updates a reply inside an import's transaction, which has checked it already. An
   * import records {@code reply-received} in the communication's history itself. Returns the
   * internal key.
   */
  public long save(Handle handle, UUID id, String importKey, Reply reply, Actor actor, boolean exists) {
    Reply complete = reply.withDefaults();
    if (!exists) {
      return store.insert(handle, id, importKey, complete, actor, clock.instant());
    }
    int version = RecordRows.currentVersion(handle, ReplyStore.TABLE, ReplyStore.KIND, id);
    return store.update(handle, id, complete.withHeader(id, version, complete.confidentiality(), null), actor, clock.instant());
  }

  private static Reply requireBody(Reply reply) {
    if (reply == null) {
      throw new InvalidInput("body", "is empty");
    }
    return reply;
  }
}
