package org.casebook.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebook.access.Caller;
import org.casebook.common.NoSuchRecord;
import org.casebook.communications.Communication;
import org.casebook.communications.CommunicationRegister;
import org.casebook.communications.CommunicationStore;
import org.casebook.communications.Mandate;
import org.casebook.communications.MandateService;
import org.casebook.communications.Reply;
import org.casebook.communications.ReplyDocument;
import org.casebook.letters.LetterComposer;
import org.casebook.letters.LetterRenderer;
import org.casebook.letters.LetterView;
import org.casebook.transfer.RecordServices;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * Communications and replies as letters: a printable HTML document and a PDF of the same. The
 * signed-in routes show what the reader may see of the communication (a communication of case
 * files they may not see is not found; the team's notes are never part of a letter). The public
 * routes show only what the public register shows ({@link CommunicationRegister}): a published
 * letter from its public date on, with its published replies, and a letter that is not public is
 * not found, exactly like one that does not exist.
 */
final class LetterPages implements Feature {
  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final MandateService mandates;
  private final CommunicationRegister register;
  private final LetterRenderer letters;

  LetterPages(
      PageRenderer renderer, SignInPages signIn, RecordServices records, MandateService mandates,
      CommunicationRegister register, LetterRenderer letters) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.mandates = mandates;
    this.register = register;
    this.letters = letters;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/communications/{id}/letter",
        ApiDoc.of("pages", "A communication as a printable letter in the UN layout (HTML)"),
        context -> communication(context, false));
    routes.get(
        "/communications/{id}/letter.pdf",
        ApiDoc.of("pages", "A communication as a letter in PDF (A4; drafts marked on every page)"),
        context -> communication(context, true));
    routes.get(
        "/replies/{id}/letter",
        ApiDoc.of("pages", "A reply to a communication as a printable document (HTML)"),
        context -> reply(context, false));
    routes.get(
        "/replies/{id}/letter.pdf",
        ApiDoc.of("pages", "A reply to a communication as a document in PDF"),
        context -> reply(context, true));
    routes.get(
        "/public/communications/{id}/letter",
        ApiDoc.of("pages", "A public communication as a printable letter (HTML), as the register shows it"),
        context -> publicCommunication(context, false));
    routes.get(
        "/public/communications/{id}/letter.pdf",
        ApiDoc.of("pages", "A public communication as a letter in PDF, as the register shows it"),
        context -> publicCommunication(context, true));
    routes.get(
        "/public/communications/{id}/replies/{reply}/letter",
        ApiDoc.of("pages", "A published reply to a public communication as a printable document (HTML)"),
        context -> publicReply(context, false));
    routes.get(
        "/public/communications/{id}/replies/{reply}/letter.pdf",
        ApiDoc.of("pages", "A published reply to a public communication as a document in PDF"),
        context -> publicReply(context, true));
  }

  private void communication(Context context, boolean pdf) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Communication communication = PageRenderer.live(records.communications().get(caller, id), CommunicationStore.KIND);
    PageContext page = renderer.context(context);
    answer(context, composer(page).communication(communication, catalogue(), styleSheet(pdf)), letterName(communication), pdf);
  }

  private void reply(Context context, boolean pdf) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Reply reply = records.replies().get(caller, id);
    Communication communication = records.communications().get(caller, reply.communication());
    if (reply.isVoided() || communication.isVoided()) {
      throw new NoSuchRecord("reply", id);
    }
    List<String> documents = new ArrayList<>();
    for (ReplyDocument document : reply.documents()) {
      try {
        documents.add(records.sources().get(caller, document.source()).title());
      } catch (NoSuchRecord notVisible) {
        // A document the reader may not see is left out of the list.
      }
    }
    PageContext page = renderer.context(context);
    answer(context, composer(page).reply(reply, communication, documents, styleSheet(pdf)), replyName(communication, reply), pdf);
  }

  private void publicCommunication(Context context, boolean pdf) {
    CommunicationRegister.Entry entry = register.get(PageRenderer.pathId(context, "id"));
    Communication communication = entry.communication();
    PageContext page = renderer.context(context);
    answer(context, composer(page).communication(communication, catalogue(), styleSheet(pdf)), letterName(communication), pdf);
  }

  private void publicReply(Context context, boolean pdf) {
    UUID id = PageRenderer.pathId(context, "id");
    UUID replyId = PageRenderer.pathId(context, "reply");
    CommunicationRegister.Entry entry = register.get(id);
    Reply reply =
        entry.replies().stream()
            .filter(each -> each.id().equals(replyId))
            .findFirst()
            .orElseThrow(() -> new NoSuchRecord("public reply", replyId));
    PageContext page = renderer.context(context);
    // The register gives no titles of the reply's documents; the public reply lists none.
    answer(
        context, composer(page).reply(reply, entry.communication(), List.of(), styleSheet(pdf)),
        replyName(entry.communication(), reply), pdf);
  }

  private LetterComposer composer(PageContext page) {
    return new LetterComposer(page::t, page.locale(), records.communications().periods().confidentialDays());
  }

  private Map<String, Mandate> catalogue() {
    return mandates.list().stream().collect(Collectors.toMap(Mandate::code, Function.identity()));
  }

  private String styleSheet(boolean pdf) {
    return pdf ? LetterRenderer.STYLE_SHEET : renderer.assets().letterStyleSheet();
  }

  private void answer(Context context, LetterView letter, String fileName, boolean pdf) {
    context.header("Cache-Control", "no-store");
    if (pdf) {
      byte[] document = letters.pdf(letter);
      context.contentType("application/pdf");
      context.header("Content-Disposition", "inline; filename=\"" + fileName + ".pdf\"");
      context.result(document);
    } else {
      context.contentType("text/html; charset=utf-8");
      context.result(letters.html(letter));
    }
  }

  /** The file name of a letter: its reference, such as {@code AL-KAZ-1-2024}, or {@code draft-<id>}. */
  static String letterName(Communication communication) {
    return communication.reference() == null ? "draft-" + communication.id() : fileSafe(communication.reference());
  }

  /** The file name of a reply: its letter's, then {@code reply} and the day it came. */
  static String replyName(Communication communication, Reply reply) {
    return letterName(communication) + "-reply-" + (reply.received() == null ? reply.id().toString() : reply.received().toString());
  }

  /** Letters, digits and single hyphens only, so that the name needs no quoting in a header. */
  static String fileSafe(String text) {
    String safe = text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return safe.isEmpty() ? "letter" : safe;
  }
}
