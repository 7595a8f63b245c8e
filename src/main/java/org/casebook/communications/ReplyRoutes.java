package org.casebook.communications;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.VoidRequest;
import org.casebook.web.Feature;
import org.casebook.web.RecordResource;
import org.casebook.web.RecordRoutes;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** The record routes of replies, {@code /api/v1/replies}. */
public final class ReplyRoutes implements Feature, RecordResource<Reply> {
  private final ReplyService replies;
  private final Requests requests;

  public ReplyRoutes(ReplyService replies, Requests requests) {
    this.replies = replies;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    RecordRoutes.register(routes, requests, "replies", "reply", Reply.class, this, "communication");
  }

  @Override
  public Page<Reply> list(Caller caller, Context context, PageRequest page) {
    return replies.list(
        caller, new ReplyStore.Filter(Requests.optionalUuid(context, "communication"), Requests.flag(context, "include_voided")), page);
  }

  @Override
  public Reply get(Caller caller, UUID id) {
    return replies.get(caller, id);
  }

  @Override
  public Reply create(Caller caller, Reply reply) {
    return replies.create(caller, reply);
  }

  @Override
  public Reply update(Caller caller, UUID id, Reply reply) {
    return replies.update(caller, id, reply);
  }

  @Override
  public Reply voidRecord(Caller caller, UUID id, VoidRequest request) {
    return replies.voidReply(caller, id, request);
  }

  @Override
  public UUID idOf(Reply reply) {
    return reply.id();
  }
}
