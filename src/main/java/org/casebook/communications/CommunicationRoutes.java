package org.casebook.communications;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.InvalidInput;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.RecordResource;
import org.casebook.web.RecordRoutes;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/**
 * The API of communications: the five record routes, the lifecycle operations, and a
 * communication's replies, claims and claim matrix.
 */
public final class CommunicationRoutes implements Feature, RecordResource<Communication> {
  private static final String BASE = "/api/v1/communications";

  private final CommunicationService communications;
  private final ReplyService replies;
  private final ClaimService claims;
  private final Requests requests;

  public CommunicationRoutes(CommunicationService communications, ReplyService replies, ClaimService claims, Requests requests) {
    this.communications = communications;
    this.replies = replies;
    this.claims = claims;
    this.requests = requests;
  }

  /** A lifecycle operation of {@link CommunicationService}. */
  @FunctionalInterface
  private interface Operation {
    Communication apply(Caller caller, UUID id, TransitionRequest request);
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(
        routes, requests, "communications", "communication", Communication.class, this,
        "case", "state", "type", "status", "mandate", "year", "q");
    transition(routes, "send", "Send a draft: it gets its reference (AL KAZ 1/2024) and its public date", communications::send);
    transition(routes, "publish", "Publish a sent communication; refused before its public date", communications::publish);
    transition(routes, "follow-up", "Record that a follow-up was sent", communications::followUpSent);
    transition(routes, "close", "Close a communication; nothing follows", communications::close);
    routes.get(
        BASE + "/{id}/replies",
        ApiDoc.of("communications", "The replies to a communication, in the order they came").returnsArray(Reply.class),
        context -> context.json(replies.forCommunication(Callers.of(context), Requests.pathId(context, "id"))));
    routes.post(
        BASE + "/{id}/replies",
        ApiDoc.of("communications", "Record a reply to a communication; a sent one records reply-received")
            .accepts(Reply.class).returns(Reply.class).status(201),
        this::createReply);
    routes.get(
        BASE + "/{id}/claims",
        ApiDoc.of("communications", "The allegations of a communication, in order, with the replies' responses")
            .returnsArray(Claim.class),
        context -> context.json(claims.forCommunication(Callers.of(context), Requests.pathId(context, "id"))));
    routes.post(
        BASE + "/{id}/claims",
        ApiDoc.of("communications", "Record an allegation of a communication").accepts(Claim.class).returns(Claim.class).status(201),
        this::createClaim);
    routes.get(
        BASE + "/{id}/claims/matrix",
        ApiDoc.of("communications", "The allegations against the replies' responses, at a glance").returns(ClaimMatrix.class),
        context -> context.json(claims.matrix(Callers.of(context), Requests.pathId(context, "id"))));
  }

  private void transition(Routes routes, String name, String summary, Operation operation) {
    routes.post(
        BASE + "/{id}/" + name,
        ApiDoc.of("communications", summary).accepts(TransitionRequest.class).returns(Communication.class),
        context -> {
          Callers.of(context).require(Permission.WRITE_RECORDS);
          context.json(
              operation.apply(
                  Callers.of(context), Requests.pathId(context, "id"), requests.body(context, TransitionRequest.class)));
        });
  }

  private void createReply(Context context) {
    Callers.of(context).require(Permission.WRITE_RECORDS);
    UUID communication = Requests.pathId(context, "id");
    Reply reply = requests.body(context, Reply.class);
    sameCommunication(communication, reply.communication());
    Reply created =
        replies.create(
            Callers.of(context),
            new Reply(
                null, null, reply.confidentiality(), null, communication, reply.received(), reply.sender(),
                reply.senderReference(), reply.language(), reply.documents(), reply.translationStatus(),
                reply.summary(), reply.notes()));
    context.status(201);
    context.header("Location", "/api/v1/replies/" + created.id());
    context.json(created);
  }

  private void createClaim(Context context) {
    Callers.of(context).require(Permission.WRITE_RECORDS);
    UUID communication = Requests.pathId(context, "id");
    Claim claim = requests.body(context, Claim.class);
    sameCommunication(communication, claim.communication());
    Claim created =
        claims.create(
            Callers.of(context),
            new Claim(
                null, null, claim.confidentiality(), null, communication, claim.order(), claim.text(), claim.date(),
                claim.quote(), claim.sources(), claim.responses(), claim.notes()));
    context.status(201);
    context.header("Location", "/api/v1/claims/" + created.id());
    context.json(created);
  }

  private static void sameCommunication(UUID path, UUID body) {
    if (body != null && !body.equals(path)) {
      throw new InvalidInput("communication", "is " + body + " but the path names " + path);
    }
  }

  @Override
  public Page<Communication> list(Caller caller, Context context, PageRequest page) {
    String type = context.queryParam("type");
    String status = context.queryParam("status");
    String year = context.queryParam("year");
    return communications.list(
        caller,
        new CommunicationStore.Filter(
            Requests.optionalUuid(context, "case"),
            context.queryParam("state"),
            type == null || type.isBlank() ? null : CommunicationType.parse(type.trim(), "type"),
            status == null || status.isBlank() ? null : CommunicationStatus.parse(status.trim(), "status"),
            context.queryParam("mandate"),
            year == null || year.isBlank() ? null : Requests.intParam(context, "year", 0),
            context.queryParam("q"),
            Requests.flag(context, "include_voided")),
        page);
  }

  @Override
  public Communication get(Caller caller, UUID id) {
    return communications.get(caller, id);
  }

  @Override
  public Communication create(Caller caller, Communication communication) {
    return communications.create(caller, communication);
  }

  @Override
  public Communication update(Caller caller, UUID id, Communication communication) {
    return communications.update(caller, id, communication);
  }

  @Override
  public Communication voidRecord(Caller caller, UUID id, VoidRequest request) {
    return communications.voidCommunication(caller, id, request);
  }

  @Override
  public UUID idOf(Communication communication) {
    return communication.id();
  }
}
