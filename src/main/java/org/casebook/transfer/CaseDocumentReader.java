package org.casebook.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.common.Confidentiality;
import org.casebook.common.InvalidInput;
import org.casebook.common.Name;
import org.casebook.dates.InvalidPartialDate;
import org.casebook.dates.PartialDate;
import org.casebook.events.Event;
import org.casebook.events.EventLink;
import org.casebook.events.Participant;
import org.casebook.organizations.Membership;
import org.casebook.organizations.Organization;
import org.casebook.organizations.Registration;
import org.casebook.people.Person;
import org.casebook.people.Relationship;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Outcome;
import org.casebook.proceedings.Party;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;
import org.casebook.sources.Source;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an import document (format {@code casebook/1}, see docs/import-format.md) into records,
 * resolving every key reference. Shape errors, unknown fields, bad dates and dangling references
 * are all collected in {@link Problems} with their lines; the field rules of each record are
 * checked afterwards by its service.
 */
final class CaseDocumentReader {
  static final String FORMAT = "casebook/1";
  /** The largest source file an import may name. */
  static final long MAX_SOURCE_FILE_BYTES = 64L * 1024 * 1024;

  private static final Set<String> TOP =
      Set.of("format", "case", "persons", "organizations", "relationships", "sources", "events", "proceedings", "communications");
  private static final Set<String> CASE =
      Set.of("key", "title", "summary", "countries", "risk", "status", "subjects", "confidentiality");
  private static final Set<String> PERSON =
      Set.of("key", "name", "other_names", "sex", "birth_date", "citizenship", "occupation", "protected", "notes", "confidentiality");
  private static final Set<String> NAME = Set.of("name", "kind", "language");
  private static final Set<String> ORGANIZATION =
      Set.of("key", "name", "other_names", "country", "kind", "registrations", "memberships", "notes", "confidentiality");
  private static final Set<String> REGISTRATION = Set.of("authority", "country", "date", "number", "outcome");
  private static final Set<String> MEMBERSHIP = Set.of("person", "role", "start", "end");
  private static final Set<String> RELATIONSHIP =
      Set.of("person", "type", "other", "start", "end", "notes", "confidentiality");
  private static final Set<String> SOURCE =
      Set.of("key", "title", "kind", "publisher", "date", "language", "url", "reliability", "file", "text", "sha256", "confidentiality");
  private static final Set<String> EVENT =
      Set.of("key", "date", "type", "title", "description", "location", "country", "violation", "participants", "sources", "proceeding", "links", "confidentiality");
  private static final Set<String> PARTICIPANT = Set.of("person", "organization", "name", "role", "note");
  private static final Set<String> LINK = Set.of("type", "event");
  private static final Set<String> PROCEEDING =
      Set.of("key", "kind", "title", "authority", "jurisdiction", "number", "charges", "parties", "history", "outcome", "notes", "confidentiality");
  private static final Set<String> PARTY = Set.of("person", "organization", "name", "role");
  private static final Set<String> STATUS = Set.of("date", "status", "note", "sources");
  private static final Set<String> OUTCOME = Set.of("summary", "fine");
  private static final Set<String> FINE = Set.of("amount", "currency");

  private final Problems problems;
  private final Path baseFolder;
  private final java.util.function.Function<String, Keys> keysForCase;
  private Keys keys;
  /** Which kind each key of the document names: person, organization, source, event, proceeding. */
  private final Map<String, String> kindOfKey = new HashMap<>();

  /**
   * @param baseFolder the folder that {@code file} paths are relative to, or null when the document
   *     did not come from a file (then {@code file} is refused)
   * @param keysForCase makes the key directory once the case key is known
   */
  CaseDocumentReader(Problems problems, Path baseFolder, java.util.function.Function<String, Keys> keysForCase) {
    this.problems = problems;
    this.baseFolder = baseFolder;
    this.keysForCase = keysForCase;
  }

  /** Reads the document, or returns null when it is too broken to read further. */
  CaseDocument read(Node root) {
    DocumentNode top = DocumentNode.of(root, "", problems);
    top.allowOnly(TOP);
    String format = top.requiredText("format");
    if (format != null && !format.equals(FORMAT)) {
      problems.add(problems.lineOf("format"), "format", "\"" + format + "\" is not a format this version reads; expected " + FORMAT);
    }
    DocumentNode caseNode = top.mapping("case");
    if (caseNode == null) {
      problems.add(top.line(), "case", "is required");
      return null;
    }
    String caseKey = key(caseNode);
    if (caseKey == null) {
      return null;
    }
    keys = keysForCase.apply(caseKey);
    List<DocumentNode> persons = declare(top.mappings("persons"), "persons", "person");
    List<DocumentNode> organizations = declare(top.mappings("organizations"), "persons", "organization");
    List<DocumentNode> sources = declare(top.mappings("sources"), "sources", "source");
    List<DocumentNode> events = declare(top.mappings("events"), "events", "event");
    List<DocumentNode> proceedings = declare(top.mappings("proceedings"), "proceedings", "proceeding");
    List<DocumentNode> relationships = top.mappings("relationships");
    List<DocumentNode> communications = declare(top.mappings("communications"), "communications", "communication");
    Map<DocumentNode, List<DocumentNode>> replies = new java.util.IdentityHashMap<>();
    Map<DocumentNode, List<DocumentNode>> claims = new java.util.IdentityHashMap<>();
    for (DocumentNode communication : communications) {
      replies.put(communication, declare(communication.mappings("replies"), "replies", "reply"));
      claims.put(communication, declare(communication.mappings("claims"), "claims", "claim"));
    }

    var caseEntry = new CaseDocument.Entry<>(keys.caseFile(), "case", readCase(caseNode, persons, organizations, sources));
    List<CaseDocument.Entry<Person>> personEntries = new ArrayList<>();
    for (DocumentNode node : persons) {
      personEntries.add(new CaseDocument.Entry<>(target("persons", node), node.path(), readPerson(node)));
    }
    List<CaseDocument.Entry<Organization>> organizationEntries = new ArrayList<>();
    for (DocumentNode node : organizations) {
      organizationEntries.add(new CaseDocument.Entry<>(target("organizations", node), node.path(), readOrganization(node)));
    }
    List<CaseDocument.Entry<Relationship>> relationshipEntries = new ArrayList<>();
    for (DocumentNode node : relationships) {
      Relationship relationship = readRelationship(node);
      String key = "rel." + node.text("person") + "." + node.text("type") + "." + node.text("other");
      relationshipEntries.add(new CaseDocument.Entry<>(keys.record("relationships", key), node.path(), relationship));
    }
    List<CaseDocument.SourceEntry> sourceEntries = new ArrayList<>();
    for (DocumentNode node : sources) {
      sourceEntries.add(readSource(node));
    }
    List<CaseDocument.Entry<Event>> eventEntries = new ArrayList<>();
    for (DocumentNode node : events) {
      eventEntries.add(new CaseDocument.Entry<>(target("events", node), node.path(), readEvent(node, caseEntry.target().id())));
    }
    List<CaseDocument.Entry<Proceeding>> proceedingEntries = new ArrayList<>();
    for (DocumentNode node : proceedings) {
      proceedingEntries.add(new CaseDocument.Entry<>(target("proceedings", node), node.path(), readProceeding(node, caseEntry.target().id())));
    }
    CommunicationReader communicationReader = new CommunicationReader(problems, new CommunicationReader.Context() {
      @Override
      public UUID reference(String table, String namespace, String kind, String key, String field) {
        return CaseDocumentReader.this.reference(table, namespace, kind, key, field);
      }

      @Override
      public List<UUID> sources(DocumentNode node, String field) {
        return sourceReferences(node, field);
      }

      @Override
      public Confidentiality confidentiality(DocumentNode node) {
        return CaseDocumentReader.this.confidentiality(node);
      }

      @Override
      public Keys.Target target(String table, DocumentNode node) {
        return CaseDocumentReader.this.target(table, node);
      }
    });
    List<CaseDocument.CommunicationEntry> communicationEntries = new ArrayList<>();
    for (DocumentNode node : communications) {
      communicationEntries.add(communicationReader.read(node, replies.get(node), claims.get(node), caseEntry.target().id()));
    }
    return new CaseDocument(
        caseEntry, personEntries, organizationEntries, relationshipEntries, sourceEntries, eventEntries, proceedingEntries,
        communicationEntries);
  }

  /** Reads and checks the keys of one list, so that references can point forward. */
  private List<DocumentNode> declare(List<DocumentNode> nodes, String namespace, String kind) {
    for (DocumentNode node : nodes) {
      String key = key(node);
      if (key == null) {
        continue;
      }
      String previous = kindOfKey.putIfAbsent(namespace + ":" + key, kind);
      if (previous != null) {
        problems.add(problems.lineOf(node.child("key")), node.child("key"), "\"" + key + "\" is already the key of a " + previous + " in this file");
      }
    }
    return nodes;
  }

  private String key(DocumentNode node) {
    String key = node.requiredText("key");
    if (key != null && !Keys.KEY.matcher(key).matches()) {
      problems.add(problems.lineOf(node.child("key")), node.child("key"),
          "\"" + key + "\" is not a key; expected lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100");
      return null;
    }
    return key;
  }

  private Keys.Target target(String table, DocumentNode node) {
    String key = node.text("key");
    return keys.record(table, key == null ? "missing-key-" + UUID.randomUUID() : key);
  }

  /** Resolves a reference to a record of {@code kind}, reporting a key that names none. */
  private UUID reference(String table, String namespace, String kind, String key, String field) {
    if (key == null) {
      return null;
    }
    String found = kindOfKey.get(namespace + ":" + key);
    if (found == null || !found.equals(kind)) {
      String detail = found == null ? "" : " (\"" + key + "\" is a " + found + ")";
      problems.add(problems.lineOf(field), field, "no " + kind + " with key \"" + key + "\" in this file" + detail);
      return null;
    }
    return keys.record(table, key).id();
  }

  private UUID personOrOrganization(String key, String field) {
    if (key == null) {
      return null;
    }
    String found = kindOfKey.get("persons:" + key);
    if (found == null) {
      problems.add(problems.lineOf(field), field, "no person or organization with key \"" + key + "\" in this file");
      return null;
    }
    return keys.record(found.equals("person") ? "persons" : "organizations", key).id();
  }

  private List<UUID> sourceReferences(DocumentNode node, String field) {
    List<UUID> ids = new ArrayList<>();
    for (DocumentNode.Element element : node.values(field)) {
      UUID id = reference("sources", "sources", "source", element.text(), element.path());
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  private CaseFile readCase(DocumentNode node, List<DocumentNode> persons, List<DocumentNode> organizations, List<DocumentNode> sources) {
    node.allowOnly(CASE);
    List<UUID> subjects = new ArrayList<>();
    for (DocumentNode.Element element : node.values("subjects")) {
      UUID id = personOrOrganization(element.text(), element.path());
      if (id != null) {
        subjects.add(id);
      }
    }
    return new CaseFile(
        null, null, confidentiality(node), null, node.requiredText("title"), node.text("summary"),
        node.texts("countries"), node.requiredText("risk"), node.requiredText("status"), subjects,
        ids(persons, "persons"), ids(organizations, "organizations"), ids(sources, "sources"));
  }

  private List<UUID> ids(List<DocumentNode> nodes, String table) {
    List<UUID> ids = new ArrayList<>();
    for (DocumentNode node : nodes) {
      String key = node.text("key");
      if (key != null && Keys.KEY.matcher(key).matches()) {
        ids.add(keys.record(table, key).id());
      }
    }
    return ids;
  }

  private Person readPerson(DocumentNode node) {
    node.allowOnly(PERSON);
    Boolean isProtected = node.flag("protected");
    return new Person(
        null, null, confidentiality(node), null, node.requiredText("name"), names(node),
        node.text("sex"), date(node, "birth_date"), node.texts("citizenship"), node.text("occupation"),
        isProtected != null && isProtected, node.text("notes"));
  }

  private List<Name> names(DocumentNode node) {
    List<Name> names = new ArrayList<>();
    for (DocumentNode name : node.mappings("other_names")) {
      name.allowOnly(NAME);
      names.add(new Name(name.requiredText("name"), name.requiredText("kind"), name.text("language")));
    }
    return names;
  }

  private Organization readOrganization(DocumentNode node) {
    node.allowOnly(ORGANIZATION);
    List<Registration> registrations = new ArrayList<>();
    for (DocumentNode registration : node.mappings("registrations")) {
      registration.allowOnly(REGISTRATION);
      String outcome = registration.text("outcome");
      registrations.add(
          new Registration(
              registration.requiredText("authority"), registration.text("country"),
              date(registration, "date"), registration.text("number"), outcome == null ? "registered" : outcome));
    }
    List<Membership> memberships = new ArrayList<>();
    for (DocumentNode membership : node.mappings("memberships")) {
      membership.allowOnly(MEMBERSHIP);
      memberships.add(
          new Membership(
              reference("persons", "persons", "person", membership.requiredText("person"), membership.child("person")),
              membership.requiredText("role"), date(membership, "start"), date(membership, "end")));
    }
    return new Organization(
        null, null, confidentiality(node), null, node.requiredText("name"), names(node),
        node.text("kind"), node.text("country"), registrations, memberships, node.text("notes"));
  }

  private Relationship readRelationship(DocumentNode node) {
    node.allowOnly(RELATIONSHIP);
    return new Relationship(
        null, null, confidentiality(node), null,
        reference("persons", "persons", "person", node.requiredText("person"), node.child("person")),
        node.requiredText("type"),
        reference("persons", "persons", "person", node.requiredText("other"), node.child("other")),
        date(node, "start"), date(node, "end"), node.text("notes"));
  }

  private CaseDocument.SourceEntry readSource(DocumentNode node) {
    node.allowOnly(SOURCE);
    String file = node.text("file");
    String text = node.text("text");
    byte[] bytes = null;
    String fileName = null;
    if (file != null && text != null) {
      problems.add(problems.lineOf(node.child("text")), node.child("text"), "cannot be given with file; the text of a file is read from it");
    } else if (file != null) {
      bytes = readFile(file, node.child("file"));
      fileName = Path.of(file).getFileName().toString();
    }
    String reliability = node.text("reliability");
    Source source =
        new Source(
            null, null, confidentiality(node), null, node.requiredText("title"), node.text("kind"),
            node.text("publisher"), date(node, "date"), node.text("language"), node.text("url"),
            reliability == null ? "unknown" : reliability, fileName, node.text("sha256"), text);
    return new CaseDocument.SourceEntry(target("sources", node), node.path(), source, bytes, fileName);
  }

  private byte[] readFile(String file, String field) {
    if (baseFolder == null) {
      problems.add(problems.lineOf(field), field, "a file can be named only when importing from a file; give text instead");
      return null;
    }
    Path base = baseFolder.toAbsolutePath().normalize();
    Path path;
    try {
      path = base.resolve(file).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      problems.add(problems.lineOf(field), field, "\"" + file + "\" is not a file path");
      return null;
    }
    if (Path.of(file).isAbsolute() || !path.startsWith(base)) {
      problems.add(problems.lineOf(field), field, "\"" + file + "\" is outside the folder of the import file; give a path inside it");
      return null;
    }
    try {
      if (!Files.isRegularFile(path)) {
        problems.add(problems.lineOf(field), field, "there is no file " + file + " beside the import file");
        return null;
      }
      if (Files.size(path) > MAX_SOURCE_FILE_BYTES) {
        problems.add(problems.lineOf(field), field, file + " is larger than " + MAX_SOURCE_FILE_BYTES / (1024 * 1024) + " MiB");
        return null;
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      problems.add(problems.lineOf(field), field, "cannot read " + file + ": " + e.getMessage());
      return null;
    }
  }

  private Event readEvent(DocumentNode node, UUID caseId) {
    node.allowOnly(EVENT);
    List<Participant> participants = new ArrayList<>();
    for (DocumentNode participant : node.mappings("participants")) {
      participant.allowOnly(PARTICIPANT);
      participants.add(
          new Participant(
              reference("persons", "persons", "person", participant.text("person"), participant.child("person")),
              reference("organizations", "persons", "organization", participant.text("organization"), participant.child("organization")),
              participant.text("name"), participant.requiredText("role"), participant.text("note")));
    }
    List<EventLink> links = new ArrayList<>();
    for (DocumentNode link : node.mappings("links")) {
      link.allowOnly(LINK);
      links.add(
          new EventLink(
              link.requiredText("type"),
              reference("events", "events", "event", link.requiredText("event"), link.child("event"))));
    }
    String violation = node.text("violation");
    PartialDate date = date(node, "date");
    if (date == null && !node.has("date")) {
      problems.add(node.line(), node.child("date"), "is required");
    }
    return new Event(
        null, null, confidentiality(node), null, caseId, date, node.requiredText("type"),
        node.requiredText("title"), node.text("description"), node.text("location"),
        node.text("country"), violation == null ? "unknown" : violation, participants,
        sourceReferences(node, "sources"),
        reference("proceedings", "proceedings", "proceeding", node.text("proceeding"), node.child("proceeding")),
        links);
  }

  private Proceeding readProceeding(DocumentNode node, UUID caseId) {
    node.allowOnly(PROCEEDING);
    List<Charge> charges = new ArrayList<>();
    for (DocumentNode.Element element : node.values("charges")) {
      charges.add(Charge.of(element.text()));
    }
    List<Party> parties = new ArrayList<>();
    for (DocumentNode party : node.mappings("parties")) {
      party.allowOnly(PARTY);
      parties.add(
          new Party(
              reference("persons", "persons", "person", party.text("person"), party.child("person")),
              reference("organizations", "persons", "organization", party.text("organization"), party.child("organization")),
              party.text("name"), party.requiredText("role")));
    }
    List<StatusChange> history = new ArrayList<>();
    for (DocumentNode change : node.mappings("history")) {
      change.allowOnly(STATUS);
      PartialDate date = date(change, "date");
      if (date == null && !change.has("date")) {
        problems.add(change.line(), change.child("date"), "is required");
      }
      history.add(new StatusChange(date, change.requiredText("status"), change.text("note"), sourceReferences(change, "sources")));
    }
    Outcome outcome = null;
    DocumentNode outcomeNode = node.mapping("outcome");
    if (outcomeNode != null) {
      outcomeNode.allowOnly(OUTCOME);
      Outcome.Fine fine = null;
      DocumentNode fineNode = outcomeNode.mapping("fine");
      if (fineNode != null) {
        fineNode.allowOnly(FINE);
        fine = new Outcome.Fine(fineNode.number("amount"), fineNode.requiredText("currency"));
      }
      outcome = new Outcome(outcomeNode.text("summary"), fine);
    }
    return new Proceeding(
        null, null, confidentiality(node), null, caseId, node.text("kind"), node.requiredText("title"),
        node.text("authority"), node.text("jurisdiction"), node.text("number"), charges, parties,
        history, outcome, node.text("notes"));
  }

  private PartialDate date(DocumentNode node, String field) {
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

  private Confidentiality confidentiality(DocumentNode node) {
    try {
      return Confidentiality.parse(node.text("confidentiality"), node.child("confidentiality"));
    } catch (InvalidInput e) {
      problems.add(problems.lineOf(node.child("confidentiality")), node.child("confidentiality"), e.errors().get(0).message());
      return Confidentiality.INTERNAL;
    }
  }
}
