package org.casebook.transfer;

import java.util.List;
import org.casebook.cases.CaseFile;
import org.casebook.communications.Claim;
import org.casebook.communications.Communication;
import org.casebook.communications.Reply;
import org.casebook.events.Event;
import org.casebook.organizations.Organization;
import org.casebook.people.Person;
import org.casebook.people.Relationship;
import org.casebook.proceedings.Proceeding;
import org.casebook.sources.Source;

/**
 * An import document read into records, with every reference resolved to the id the record has
 * or will have. Each entry knows its key, its path in the file and whether it exists already.
 */
record CaseDocument(
    Entry<CaseFile> caseFile,
    List<Entry<Person>> persons,
    List<Entry<Organization>> organizations,
    List<Entry<Relationship>> relationships,
    List<SourceEntry> sources,
    List<Entry<Event>> events,
    List<Entry<Proceeding>> proceedings,
    List<CommunicationEntry> communications) {

  /** One record of the document. */
  record Entry<T>(Keys.Target target, String path, T record) {}

  /** A source with the bytes of its file, if it names one. */
  record SourceEntry(Keys.Target target, String path, Source record, byte[] file, String fileName) {}

  /** A communication with its replies and claims. */
  record CommunicationEntry(
      Keys.Target target, String path, Communication record, List<Entry<Reply>> replies, List<Entry<Claim>> claims) {}

  /** A record's target and its path in the document. */
  record Located(Keys.Target target, String path) {}

  /** Every record of the document with its path, the case first. */
  List<Located> located() {
    List<Located> all = new java.util.ArrayList<>();
    all.add(new Located(caseFile.target(), caseFile.path()));
    persons.forEach(entry -> all.add(new Located(entry.target(), entry.path())));
    organizations.forEach(entry -> all.add(new Located(entry.target(), entry.path())));
    relationships.forEach(entry -> all.add(new Located(entry.target(), entry.path())));
    sources.forEach(entry -> all.add(new Located(entry.target(), entry.path())));
    events.forEach(entry -> all.add(new Located(entry.target(), entry.path())));
    proceedings.forEach(entry -> all.add(new Located(entry.target(), entry.path())));
    for (CommunicationEntry communication : communications) {
      all.add(new Located(communication.target(), communication.path()));
      communication.replies().forEach(entry -> all.add(new Located(entry.target(), entry.path())));
      communication.claims().forEach(entry -> all.add(new Located(entry.target(), entry.path())));
    }
    return all;
  }

  int size() {
    return located().size();
  }
}
