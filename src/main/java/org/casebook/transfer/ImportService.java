package org.casebook.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casebook.access.Caller;
import org.casebook.access.Guard;
import org.casebook.access.Permission;
import org.casebook.cases.CaseService;
import org.casebook.catalogue.CatalogueService;
import org.casebook.catalogue.Citation;
import org.casebook.common.Checks;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.communications.Claim;
import org.casebook.communications.Communication;
import org.casebook.communications.Reply;
import org.casebook.communications.ReplyService;
import org.casebook.events.Event;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Proceeding;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Imports a case file document (YAML or JSON, format {@code casebook/1}) in one transaction: it
 * reads and checks everything first, reports every problem with its file, line and field, and
 * writes all records or none. Importing the same document again updates the records it created
 * (matched by key) and leaves unchanged ones at their version.
 *
 * <p>Thread-safe; each import is its own transaction.
 */
public final class ImportService {
  /** The largest import document accepted, in characters. */
  public static final int MAX_DOCUMENT_CHARS = 32 * 1024 * 1024;

  private final Jdbi jdbi;
  private final RecordServices services;
  private final CatalogueService catalogue;

  public ImportService(Jdbi jdbi, RecordServices services, CatalogueService catalogue) {
    this.jdbi = jdbi;
    this.services = services;
    this.catalogue = catalogue;
  }

  /** Imports a file; {@code file} paths inside it are relative to its folder. */
  public ImportResult importFile(Caller caller, Path file, boolean dryRun, Progress progress) {
    String name = file.getFileName().toString();
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_DOCUMENT_CHARS) {
        throw new InvalidInput(List.of(new FieldError(name, 0, "document", "is larger than " + MAX_DOCUMENT_CHARS / (1024 * 1024) + " MiB")));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInput(List.of(new FieldError(name, 0, "document", "cannot be read: " + e.getMessage())));
    }
    return importDocument(caller, name, decode(name, bytes), file.toAbsolutePath().getParent(), dryRun, progress);
  }

  /**
   * Imports a document given as text (from the API). Such a document cannot name files; its
   * sources carry their text. Needs {@link Permission#IMPORT}; a document for an existing case file
   * needs write access to it, one for a new case file {@link Permission#CREATE_CASE}.
   */
  public ImportResult importDocument(
      Caller caller, String name, String text, Path baseFolder, boolean dryRun, Progress progress) {
    caller.require(Permission.IMPORT);
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw new InvalidInput(List.of(new FieldError(name, 0, "document", "is larger than " + MAX_DOCUMENT_CHARS + " characters")));
    }
    Problems problems = new Problems(name);
    Node root = parse(text, problems);
    if (root == null) {
      throw new InvalidInput(problems.errors());
    }
    progress.report("checking", 0, 1);
    try {
      return jdbi.inTransaction(
            handle -> {
              CaseDocument document =
                  new CaseDocumentReader(problems, baseFolder, caseKey -> new Keys(handle, caseKey)).read(root);
              if (document != null) {
                check(handle, document, problems);
              }
              if (document != null) {
                requireWrite(handle, caller, document.caseFile().target());
              }
              if (problems.any() || document == null) {
                throw new InvalidInput(problems.errors());
              }
              ImportResult written = new DocumentWriter(handle, services, caller.actor(), progress).write(document);
              CaseService.joinTeam(handle, written.caseId(), caller);
              if (dryRun) {
                throw new DryRun(written);
              }
              return written;
            });
    } catch (DryRun dryRunDone) {
      return dryRunDone.result;
    }
  }

  /** Ends a dry run's transaction by rolling it back, carrying what the import would have done. */
  private static final class DryRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ImportResult result;

    DryRun(ImportResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /** Refuses an import into a case file the caller may not change, before any error is listed. */
  private static void requireWrite(Handle handle, Caller caller, Keys.Target caseFile) {
    if (caseFile.exists()) {
      Guard.requireCaseWrite(handle, caller, caseFile.id());
    } else {
      caller.require(Permission.CREATE_CASE);
    }
  }

  /** Runs every record's field rules and resolves every charge, recording what fails. */
  private void check(Handle handle, CaseDocument document, Problems problems) {
    List<Checks> all = new ArrayList<>();
    all.add(services.cases().check(document.caseFile().record(), "case."));
    document.persons().forEach(entry -> all.add(services.persons().check(entry.record(), entry.path() + ".")));
    document.organizations().forEach(entry -> all.add(services.organizations().check(entry.record(), entry.path() + ".")));
    document.relationships().forEach(entry -> all.add(services.relationships().check(entry.record(), entry.path() + ".")));
    document.sources().forEach(entry -> all.add(services.sources().check(entry.record(), entry.path() + ".")));
    document.events().forEach(entry -> all.add(services.events().check(entry.record(), entry.path() + ".")));
    document.proceedings().forEach(entry -> all.add(services.proceedings().check(entry.record(), entry.path() + ".")));
    for (Checks checks : all) {
      checks.errors().forEach(problems::addFound);
    }
    for (CaseDocument.Entry<Proceeding> entry : document.proceedings()) {
      List<Charge> charges = entry.record().charges();
      for (int index = 0; index < charges.size(); index++) {
        String field = entry.path() + ".charges[" + index + "]";
        try {
          catalogue.resolve(handle, Citation.parse(charges.get(index).citation(), field), field);
        } catch (InvalidInput invalid) {
          invalid.errors().forEach(error -> problems.addFound(new FieldError(null, 0, field, error.message())));
        }
      }
    }
    checkCommunications(handle, document, problems);
    editedSinceImport(document, problems);
    selfLinks(document, problems);
  }

  /**
   * Runs the rules of communications, their replies and claims: their fields, the mandate
   * catalogue, the lifecycle and its reference (unique here and in the store), a reply not before
   * its communication was sent, no communication following itself up.
   */
  private void checkCommunications(Handle handle, CaseDocument document, Problems problems) {
    java.util.Map<String, String> references = new java.util.HashMap<>();
    for (CaseDocument.CommunicationEntry entry : document.communications()) {
      String prefix = entry.path() + ".";
      Communication communication = entry.record();
      Checks checks = services.communications().check(communication, prefix);
      services.communications().checkMandates(handle, checks, communication, prefix);
      services.communications().checkLifecycle(handle, checks, communication, entry.target().id(), prefix);
      if (entry.target().id().equals(communication.followUpOf())) {
        checks.add(prefix + "follow_up_of", "names this communication itself; a communication cannot follow itself up");
      }
      if (communication.related().contains(entry.target().id())) {
        checks.add(prefix + "related", "names this communication itself; a communication cannot relate to itself");
      }
      if (communication.reference() != null) {
        String first = references.putIfAbsent(communication.reference().trim(), entry.path());
        if (first != null) {
          checks.add(prefix + "reference", "repeats the reference of " + first + "; a reference is given once");
        }
      }
      checks.errors().forEach(problems::addFound);
      for (CaseDocument.Entry<Reply> reply : entry.replies()) {
        Checks replyChecks = services.replies().check(reply.record(), reply.path() + ".");
        ReplyService.checkAgainst(replyChecks, reply.record(), communication, reply.path() + ".");
        replyChecks.errors().forEach(problems::addFound);
      }
      for (CaseDocument.Entry<Claim> claim : entry.claims()) {
        services.claims().check(claim.record(), claim.path() + ".").errors().forEach(problems::addFound);
      }
    }
  }

  /** Refuses to overwrite a record that was changed in Casebook after it was last imported. */
  private static void editedSinceImport(CaseDocument document, Problems problems) {
    for (CaseDocument.Located located : document.located()) {
      Keys.Target target = located.target();
      if (target.exists()
          && target.importedVersion() != null
          && !target.importedVersion().equals(target.version())) {
        problems.add(
            problems.lineOf(located.path()),
            located.path(),
            "was changed in Casebook since it was imported (now version " + target.version()
                + ", imported as version " + target.importedVersion()
                + "); export the case, merge the changes into the file, and import again");
      }
    }
  }

  private static void selfLinks(CaseDocument document, Problems problems) {
    for (CaseDocument.Entry<Event> entry : document.events()) {
      for (int index = 0; index < entry.record().links().size(); index++) {
        if (entry.target().id().equals(entry.record().links().get(index).event())) {
          String field = entry.path() + ".links[" + index + "].event";
          problems.addFound(new FieldError(null, 0, field, "points at its own event"));
        }
      }
    }
  }

  private static Node parse(String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(40);
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setProcessComments(false);
    try {
      Composer composer =
          new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options);
      Node root = composer.getSingleNode();
      if (root == null) {
        problems.add(1, "document", "is empty; expected a case file (format: casebook/1)");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      problems.add(line, "document", "is not valid YAML or JSON: " + e.getProblem());
      return null;
    } catch (YAMLException e) {
      problems.add(0, "document", "is not valid YAML or JSON: " + e.getMessage());
      return null;
    }
  }

  private static String decode(String name, byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new InvalidInput(List.of(new FieldError(name, 0, "document", "is not UTF-8 text")));
    }
  }
}
