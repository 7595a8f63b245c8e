package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.cases.CaseFile;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Recorded;
import org.casebook.common.VersionConflict;
import org.casebook.common.VoidRequest;
import org.casebook.communications.Claim;
import org.casebook.communications.Reply;
import org.casebook.transfer.RecordServices;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The pages that remove a record: a confirmation form asking why, then the void. A voided record is
 * kept with its history and the reason (the audit log says who and when); it leaves the lists, the
 * case page and the public view. The form is reached from the record's edit form.
 */
final class VoidPages implements Feature {
  /**
   * One kind of record: how to read it, how to void it, what to call it and where to go back.
   *
   * @param nameKey the message that names a record of the kind without words of its own
   */
  private record Kind(
      String path,
      Reader reader,
      Voider voider,
      String nameKey) {

    Kind(String path, Reader reader, Voider voider) {
      this(path, reader, voider, "void.kind." + path);
    }
  }

  /**
   * A record as the confirmation shows it: its words, its version, and its case file if it has one.
   *
   * @param home the page of a record that belongs to no case file but to another record (a reply to
   *     its communication), to go back to; else null
   */
  private record Shown(String label, int version, UUID caseId, Home home) {
    Shown(String label, int version, UUID caseId) {
      this(label, version, caseId, null);
    }
  }

  /** The page a record belongs to, the reference that names it, and the message of the way back to it. */
  private record Home(String href, String reference, String backKey) {}

  @FunctionalInterface
  private interface Reader {
    Shown read(Caller caller, UUID id);
  }

  @FunctionalInterface
  private interface Voider {
    void voidRecord(Caller caller, UUID id, VoidRequest request);
  }

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final RecordServices records;
  private final List<Kind> kinds;

  VoidPages(PageRenderer renderer, SignInPages signIn, RecordServices records) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.records = records;
    this.kinds =
        List.of(
            new Kind("cases", (caller, id) -> shown(records.cases().get(caller, id), CaseFile::title, record -> null),
                (caller, id, request) -> records.cases().voidCase(caller, id, request)),
            new Kind("events", (caller, id) -> shown(records.events().get(caller, id), event -> event.title(), event -> event.caseId()),
                (caller, id, request) -> records.events().voidEvent(caller, id, request)),
            new Kind("proceedings", (caller, id) -> shown(records.proceedings().get(caller, id), proceeding -> proceeding.title(), proceeding -> proceeding.caseId()),
                (caller, id, request) -> records.proceedings().voidProceeding(caller, id, request)),
            new Kind("persons", (caller, id) -> shown(records.persons().get(caller, id), person -> person.name(), person -> null),
                (caller, id, request) -> records.persons().voidPerson(caller, id, request)),
            new Kind("organizations", (caller, id) -> shown(records.organizations().get(caller, id), organization -> organization.name(), organization -> null),
                (caller, id, request) -> records.organizations().voidOrganization(caller, id, request)),
            new Kind("sources", (caller, id) -> shown(records.sources().get(caller, id), source -> source.title(), source -> null),
                (caller, id, request) -> records.sources().voidSource(caller, id, request)),
            new Kind("relationships", (caller, id) -> shown(records.relationships().get(caller, id), relationship -> null, relationship -> null),
                (caller, id, request) -> records.relationships().voidRelationship(caller, id, request)),
            new Kind("replies", (caller, id) -> {
                  Reply reply = records.replies().get(caller, id);
                  return withHome(shown(reply, Reply::senderReference, any -> null), caller, reply.communication(), "", "replyform.back");
                },
                (caller, id, request) -> records.replies().voidReply(caller, id, request), "replyform.void.kind"),
            new Kind("claims", (caller, id) -> {
                  Claim claim = records.claims().get(caller, id);
                  return withHome(shown(claim, any -> null, any -> null), caller, claim.communication(), "/matrix", "claimform.back");
                },
                (caller, id, request) -> records.claims().voidClaim(caller, id, request), "claimform.void.kind"),
            new Kind("communications",
                (caller, id) -> withHome(
                    shown(records.communications().get(caller, id), VoidPages::communicationLabel, communication -> null),
                    caller, id, "", "replyform.back"),
                (caller, id, request) -> records.communications().voidCommunication(caller, id, request)));
  }

  /** A communication in the confirmation's heading: its reference and subject, or the subject of a draft. */
  private static String communicationLabel(org.casebook.communications.Communication communication) {
    return communication.reference() == null ? communication.subject() : communication.reference() + ": " + communication.subject();
  }

  private static <T extends Recorded> Shown shown(T record, java.util.function.Function<T, String> label, java.util.function.Function<T, UUID> caseId) {
    if (record.isVoided()) {
      throw new NoSuchRecord("record", record.id());
    }
    return new Shown(label.apply(record), record.version(), caseId.apply(record));
  }

  /** {@code shown} with the page of its communication ({@code suffix} below it) to go back to. */
  private Shown withHome(Shown shown, Caller caller, UUID communication, String suffix, String backKey) {
    String reference = records.communications().get(caller, communication).reference();
    return new Shown(shown.label(), shown.version(), null, new Home("/communications/" + communication + suffix, reference, backKey));
  }

  @Override
  public void register(Routes routes) {
    for (Kind kind : kinds) {
      routes.get(
          "/" + kind.path() + "/{id}/void",
          ApiDoc.of("pages", "The form that removes (voids) a record of " + kind.path() + ", asking why"),
          context -> confirm(context, kind));
      routes.post(
          "/" + kind.path() + "/{id}/void",
          ApiDoc.of("pages", "Removes (voids) a record of " + kind.path() + " from the form, with the reason given"),
          context -> voidRecord(context, kind));
    }
  }

  private void confirm(Context context, Kind kind) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Shown shown = kind.reader().read(caller, id);
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("version", List.of(String.valueOf(shown.version())));
    values.put("reason", List.of(""));
    show(context, kind, id, shown, back(context, shown), Form.of(values), false);
  }

  private void voidRecord(Context context, Kind kind) {
    Caller caller = FormAccess.writer(context, signIn);
    if (caller == null) {
      return;
    }
    UUID id = PageRenderer.pathId(context, "id");
    Shown shown = kind.reader().read(caller, id);
    Form form = Form.posted(context);
    UUID back = back(context, shown);
    try {
      kind.voider().voidRecord(caller, id, new VoidRequest(Forms.version(form), Forms.text(form, "reason")));
      boolean caseFileItself = kind.path().equals("cases");
      if (kind.path().equals("communications")) {
        // The communication's own page is gone with it: back to the list.
        context.redirect("/communications", HttpStatus.SEE_OTHER);
        return;
      }
      if (shown.home() != null) {
        context.redirect(shown.home().href(), HttpStatus.SEE_OTHER);
        return;
      }
      context.redirect(back == null || caseFileItself ? "/cases" : "/cases/" + back, HttpStatus.SEE_OTHER);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(context, kind, id, shown, back, form.withErrors(invalid.errors(), renderer.context(context)), false);
    } catch (VersionConflict conflict) {
      context.status(HttpStatus.CONFLICT);
      Map<String, List<String>> values = new LinkedHashMap<>(form.values());
      values.put("version", List.of(String.valueOf(kind.reader().read(caller, id).version())));
      show(context, kind, id, shown, back, Form.of(values), true);
    }
  }

  /** The case file to go back to: the record's own, or the one named in {@code case} if the reader may see it. */
  private UUID back(Context context, Shown shown) {
    if (shown.caseId() != null) {
      return shown.caseId();
    }
    UUID named = Forms.id(context.formParam("case") != null ? context.formParam("case") : context.queryParam("case"));
    if (named == null) {
      return null;
    }
    try {
      return records.cases().get(Callers.of(context), named).id();
    } catch (NoSuchRecord notVisible) {
      return null;
    }
  }

  private void show(Context context, Kind kind, UUID id, Shown shown, UUID back, Form form, boolean changedMeanwhile) {
    PageContext page = renderer.context(context);
    String caseTitle = null;
    if (back != null) {
      caseTitle = records.cases().get(Callers.of(context), back).title();
    }
    String label = shown.label() == null ? page.t(kind.nameKey()) : shown.label();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("heading", page.t("void.heading", label));
    parameters.put("action", "/" + kind.path() + "/" + id + "/void");
    parameters.put("form", form);
    parameters.put("caseId", back);
    parameters.put("caseTitle", caseTitle);
    parameters.put("changedMeanwhile", changedMeanwhile);
    if (shown.home() != null) {
      parameters.put("homeHref", shown.home().href());
      String reference = shown.home().reference() == null ? page.t("communicationPage.noReference") : shown.home().reference();
      parameters.put("homeLabel", page.t(shown.home().backKey(), reference));
    }
    renderer.render(context, "void_form.jte", page, parameters);
  }

}
