package org.casebook.transfer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.casebook.common.Confidentiality;
import org.casebook.common.InvalidInput;
import org.casebook.communications.Claim;
import org.casebook.communications.ClaimResponse;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationStatus;
import org.casebook.communications.CommunicationType;
import org.casebook.communications.DocumentRole;
import org.casebook.communications.Lifecycle;
import org.casebook.communications.Reply;
import org.casebook.communications.ReplyDocument;
import org.casebook.communications.Stance;
import org.casebook.communications.Transition;
import org.casebook.communications.TranslationStatus;
import org.casebook.dates.InvalidPartialDate;
import org.casebook.dates.PartialDate;

/**
 * Reads the {@code communications} of an import document, each with its {@code replies} and
 * {@code claims}, for {@link CaseDocumentReader}, which resolves the keys they refer to. Every
 * communication is linked to the document's case file.
 */
final class CommunicationReader {
  static final Set<String> COMMUNICATION =
      Set.of(
          "key", "type", "reference", "states", "other_addressees", "mandates", "persons", "subject", "summary", "text",
          "concerns", "questions", "standards", "sources", "follow_up_of", "related", "history", "public_on", "notes",
          "confidentiality", "replies", "claims");
  private static final Set<String> TRANSITION = Set.of("date", "status", "note");
  static final Set<String> REPLY =
      Set.of(
          "key", "received", "sender", "sender_reference", "language", "documents", "translation_status", "summary",
          "notes", "confidentiality");
  private static final Set<String> DOCUMENT = Set.of("source", "role", "language");
  static final Set<String> CLAIM =
      Set.of("key", "order", "text", "date", "quote", "sources", "responses", "notes", "confidentiality");
  private static final Set<String> RESPONSE = Set.of("reply", "stance", "quote", "sources");

  /** What the reader needs from the document reader: key references and the shared field readers. */
  interface Context {
    /** The id of the record of {@code kind} that {@code key} names in {@code namespace}, or null after reporting. */
    UUID reference(String table, String namespace, String kind, String key, String field);

    List<UUID> sources(DocumentNode node, String field);

    Confidentiality confidentiality(DocumentNode node);

    Keys.Target target(String table, DocumentNode node);
  }

  private final Problems problems;
  private final Context context;

  CommunicationReader(Problems problems, Context context) {
    this.problems = problems;
    this.context = context;
  }

  /**
   * Reads one communication of the document's case file {@code caseId}, with the nodes of its
   * replies and claims (read once, when their keys were declared).
   */
  CaseDocument.CommunicationEntry read(DocumentNode node, List<DocumentNode> replyNodes, List<DocumentNode> claimNodes, UUID caseId) {
    node.allowOnly(COMMUNICATION);
    Keys.Target target = context.target("communications", node);
    List<UUID> persons = new ArrayList<>();
    for (DocumentNode.Element element : node.values("persons")) {
      UUID id = context.reference("persons", "persons", "person", element.text(), element.path());
      if (id != null) {
        persons.add(id);
      }
    }
    List<UUID> related = new ArrayList<>();
    for (DocumentNode.Element element : node.values("related")) {
      UUID id = context.reference("communications", "communications", "communication", element.text(), element.path());
      if (id != null) {
        related.add(id);
      }
    }
    List<Transition> history = new ArrayList<>();
    for (DocumentNode step : node.mappings("history")) {
      step.allowOnly(TRANSITION);
      LocalDate date = day(step, "date");
      if (date == null && !step.has("date")) {
        problems.add(step.line(), step.child("date"), "is required");
      }
      CommunicationStatus status = coded(step, "status", code -> CommunicationStatus.parse(code, step.child("status")));
      if (status == null && !step.has("status")) {
        problems.add(step.line(), step.child("status"), "is required");
      }
      history.add(new Transition(status, date, step.text("note"), null, null));
    }
    CommunicationType type = coded(node, "type", code -> CommunicationType.parse(code, node.child("type")));
    if (type == null && !node.has("type")) {
      problems.add(node.line(), node.child("type"), "is required");
    }
    LocalDate sentOn = history.stream().allMatch(step -> step.status() != null)
        ? Lifecycle.firstDate(history, CommunicationStatus.SENT) : null;
    Communication communication =
        new Communication(
            null, null, context.confidentiality(node), null, type, null, null, null, null, null, node.texts("states"),
            node.texts("other_addressees"), node.texts("mandates"), List.of(caseId), persons, node.requiredText("subject"),
            node.text("summary"), node.text("text"), node.text("concerns"), node.texts("questions"), node.texts("standards"),
            context.sources(node, "sources"),
            context.reference("communications", "communications", "communication", node.text("follow_up_of"), node.child("follow_up_of")),
            related, List.of(), List.of(), node.text("notes"))
            .withLifecycle(node.text("reference"), history.stream().anyMatch(step -> step.status() == null) ? List.of() : history,
                sentOn, day(node, "public_on"));
    List<CaseDocument.Entry<Reply>> replies = new ArrayList<>();
    Map<UUID, String> replyIds = new HashMap<>();
    for (DocumentNode reply : replyNodes) {
      CaseDocument.Entry<Reply> entry = new CaseDocument.Entry<>(context.target("replies", reply), reply.path(), readReply(reply, target.id()));
      replies.add(entry);
      replyIds.put(entry.target().id(), reply.path());
    }
    List<CaseDocument.Entry<Claim>> claims = new ArrayList<>();
    for (DocumentNode claim : claimNodes) {
      claims.add(new CaseDocument.Entry<>(
          context.target("claims", claim), claim.path(), readClaim(claim, target.id(), replyIds, claims.size() + 1)));
    }
    return new CaseDocument.CommunicationEntry(target, node.path(), communication, replies, claims);
  }

  private Reply readReply(DocumentNode node, UUID communication) {
    node.allowOnly(REPLY);
    List<ReplyDocument> documents = new ArrayList<>();
    for (DocumentNode document : node.mappings("documents")) {
      document.allowOnly(DOCUMENT);
      DocumentRole role = coded(document, "role", code -> DocumentRole.parse(code, document.child("role")));
      documents.add(
          new ReplyDocument(
              context.reference("sources", "sources", "source", document.requiredText("source"), document.child("source")),
              role == null ? DocumentRole.ORIGINAL : role,
              document.text("language")));
    }
    LocalDate received = day(node, "received");
    if (received == null && !node.has("received")) {
      problems.add(node.line(), node.child("received"), "is required");
    }
    return new Reply(
        null, null, context.confidentiality(node), null, communication, received, node.text("sender"),
        node.text("sender_reference"), node.text("language"), documents,
        coded(node, "translation_status", code -> TranslationStatus.parse(code, node.child("translation_status"))),
        node.text("summary"), node.text("notes"));
  }

  /** A claim; without an order, its place in the document's list ({@code place}) is its order. */
  private Claim readClaim(DocumentNode node, UUID communication, Map<UUID, String> replies, int place) {
    node.allowOnly(CLAIM);
    List<ClaimResponse> responses = new ArrayList<>();
    for (DocumentNode response : node.mappings("responses")) {
      response.allowOnly(RESPONSE);
      String replyField = response.child("reply");
      UUID reply = context.reference("replies", "replies", "reply", response.requiredText("reply"), replyField);
      if (reply != null && !replies.containsKey(reply)) {
        problems.add(problems.lineOf(replyField), replyField,
            "\"" + response.text("reply") + "\" is a reply to another communication of this file; a claim is answered by the replies to its own communication");
      }
      Stance stance = coded(response, "stance", code -> Stance.parse(code, response.child("stance")));
      if (stance == null && !response.has("stance")) {
        problems.add(response.line(), response.child("stance"), "is required");
      }
      responses.add(new ClaimResponse(reply, stance, response.text("quote"), context.sources(response, "sources")));
    }
    Integer order = place;
    java.math.BigDecimal given = node.number("order");
    if (given != null) {
      try {
        order = given.intValueExact();
      } catch (ArithmeticException e) {
        problems.add(problems.lineOf(node.child("order")), node.child("order"), "\"" + node.text("order") + "\" is not a whole number");
      }
    }
    return new Claim(
        null, null, context.confidentiality(node), null, communication, order, node.requiredText("text"),
        partialDate(node, "date"), node.text("quote"), context.sources(node, "sources"), responses, node.text("notes"));
  }

  /** A coded value read with {@code parse}, or null after reporting a code that is not one. */
  private <T> T coded(DocumentNode node, String field, Function<String, T> parse) {
    String code = node.text(field);
    if (code == null) {
      return null;
    }
    try {
      return parse.apply(code.trim());
    } catch (InvalidInput e) {
      problems.add(problems.lineOf(node.child(field)), node.child(field), e.errors().get(0).message());
      return null;
    }
  }

  /** A whole day such as 2024-03-18, or null after reporting anything else. */
  private LocalDate day(DocumentNode node, String field) {
    String text = node.text(field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeException e) {
      problems.add(problems.lineOf(node.child(field)), node.child(field), "\"" + text + "\" is not a day; expected a whole date such as 2024-03-18");
      return null;
    }
  }

  private PartialDate partialDate(DocumentNode node, String field) {
    String text = node.text(field);
    if (text == null) {
      return null;
    }
    try {
      return PartialDate.parse(text);
    } catch (InvalidPartialDate e) {
      problems.add(problems.lineOf(node.child(field)), node.child(field), e.getMessage());
      return null;
    }
  }
}
