package org.casebook.generate;

import java.util.List;
import org.casebook.cases.CaseFile;
import org.casebook.events.Event;
import org.casebook.organizations.Organization;
import org.casebook.people.Person;
import org.casebook.proceedings.Proceeding;
import org.casebook.sources.Source;

/**
 * One generated case file and the records made with it, each with its public id set, as the
 * services would be given them. {@code organizations} includes the State bodies this case file is
 * the first to name; those it shares with earlier case files are only linked from {@code caseFile}.
 *
 * @param number the case file's number in the corpus, from 0
 */
record CaseBundle(
    long number,
    CaseFile caseFile,
    List<Person> persons,
    List<Organization> organizations,
    List<Source> sources,
    List<Proceeding> proceedings,
    List<Event> events) {

  CaseBundle {
    persons = List.copyOf(persons);
    organizations = List.copyOf(organizations);
    sources = List.copyOf(sources);
    proceedings = List.copyOf(proceedings);
    events = List.copyOf(events);
  }

  /** The number of records: the case file and everything made with it. */
  int records() {
    return 1 + persons.size() + organizations.size() + sources.size() + proceedings.size() + events.size();
  }
}
