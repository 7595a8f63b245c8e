package org.casebook.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.common.Confidentiality;
import org.casebook.common.Name;
import org.casebook.communications.Claim;
import org.casebook.communications.Communication;
import org.casebook.communications.Reply;
import org.casebook.dates.PartialDate;
import org.casebook.events.Event;
import org.casebook.organizations.Organization;
import org.casebook.people.Person;
import org.casebook.people.Relationship;
import org.casebook.proceedings.Proceeding;
import org.casebook.sources.Source;

/** Each record as a mapping of the import format, fields in the documented order, empties left out. */
final class ExportRecords {
  private ExportRecords() {}

  static Map<String, Object> caseFile(CaseFile caseFile, String key, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", key);
    fields.put("title", caseFile.title());
    fields.put("summary", caseFile.summary());
    fields.put("countries", caseFile.countries());
    fields.put("risk", caseFile.risk());
    fields.put("status", caseFile.status());
    fields.put("subjects", caseFile.subjects().stream().map(keys::party).toList());
    fields.confidentiality(caseFile.confidentiality());
    return fields.map;
  }

  static Map<String, Object> person(Person person, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("persons", person.id()));
    fields.put("name", person.name());
    fields.put("other_names", names(person.otherNames()));
    fields.put("sex", person.sex());
    fields.date("birth_date", person.birthDate());
    fields.put("citizenship", person.citizenship());
    fields.put("occupation", person.occupation());
    if (person.isProtected()) {
      fields.put("protected", true);
    }
    fields.put("notes", person.notes());
    fields.confidentiality(person.confidentiality());
    return fields.map;
  }

  static Map<String, Object> organization(Organization organization, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("organizations", organization.id()));
    fields.put("name", organization.name());
    fields.put("other_names", names(organization.otherNames()));
    fields.put("country", organization.country());
    fields.put("kind", organization.kind());
    fields.put(
        "registrations",
        organization.registrations().stream()
            .map(
                registration -> {
                  Fields entry = new Fields();
                  entry.put("authority", registration.authority());
                  entry.put("country", registration.country());
                  entry.date("date", registration.date());
                  entry.put("number", registration.number());
                  entry.put("outcome", registration.outcome());
                  return entry.map;
                })
            .toList());
    fields.put(
        "memberships",
        organization.memberships().stream()
            .map(
                membership -> {
                  Fields entry = new Fields();
                  entry.put("person", keys.of("persons", membership.person()));
                  entry.put("role", membership.role());
                  entry.date("start", membership.start());
                  entry.date("end", membership.end());
                  return entry.map;
                })
            .toList());
    fields.put("notes", organization.notes());
    fields.confidentiality(organization.confidentiality());
    return fields.map;
  }

  static Map<String, Object> relationship(Relationship relationship, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("person", keys.of("persons", relationship.person()));
    fields.put("type", relationship.type());
    fields.put("other", keys.of("persons", relationship.other()));
    fields.date("start", relationship.start());
    fields.date("end", relationship.end());
    fields.put("notes", relationship.notes());
    fields.confidentiality(relationship.confidentiality());
    return fields.map;
  }

  static Map<String, Object> source(Source source, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("sources", source.id()));
    fields.put("title", source.title());
    fields.put("kind", source.kind());
    fields.put("publisher", source.publisher());
    fields.date("date", source.date());
    fields.put("language", source.language());
    fields.put("url", source.url());
    fields.put("reliability", source.reliability());
    fields.put("text", source.text());
    fields.put("sha256", source.sha256());
    fields.confidentiality(source.confidentiality());
    return fields.map;
  }

  static Map<String, Object> event(Event event, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("events", event.id()));
    fields.date("date", event.date());
    fields.put("type", event.type());
    fields.put("title", event.title());
    fields.put("description", event.description());
    fields.put("location", event.location());
    fields.put("country", event.country());
    fields.put("violation", event.violation());
    fields.put(
        "participants",
        event.participants().stream()
            .map(
                participant -> {
                  Fields entry = new Fields();
                  entry.put("person", keys.of("persons", participant.person()));
                  entry.put("organization", keys.of("organizations", participant.organization()));
                  entry.put("name", participant.name());
                  entry.put("role", participant.role());
                  entry.put("note", participant.note());
                  return entry.map;
                })
            .toList());
    fields.put("sources", event.sources().stream().map(id -> keys.of("sources", id)).toList());
    fields.put("proceeding", keys.of("proceedings", event.proceeding()));
    fields.put(
        "links",
        event.links().stream()
            .map(
                link -> {
                  Fields entry = new Fields();
                  entry.put("type", link.type());
                  entry.put("event", keys.of("events", link.event()));
                  return entry.map;
                })
            .toList());
    fields.confidentiality(event.confidentiality());
    return fields.map;
  }

  static Map<String, Object> proceeding(Proceeding proceeding, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("proceedings", proceeding.id()));
    fields.put("kind", proceeding.kind());
    fields.put("title", proceeding.title());
    fields.put("authority", proceeding.authority());
    fields.put("jurisdiction", proceeding.jurisdiction());
    fields.put("number", proceeding.number());
    fields.put("charges", proceeding.charges().stream().map(charge -> charge.citation()).toList());
    fields.put(
        "parties",
        proceeding.parties().stream()
            .map(
                party -> {
                  Fields entry = new Fields();
                  entry.put("person", keys.of("persons", party.person()));
                  entry.put("organization", keys.of("organizations", party.organization()));
                  entry.put("name", party.name());
                  entry.put("role", party.role());
                  return entry.map;
                })
            .toList());
    fields.put(
        "history",
        proceeding.history().stream()
            .map(
                change -> {
                  Fields entry = new Fields();
                  entry.date("date", change.date());
                  entry.put("status", change.status());
                  entry.put("note", change.note());
                  entry.put("sources", change.sources().stream().map(id -> keys.of("sources", id)).toList());
                  return entry.map;
                })
            .toList());
    if (proceeding.outcome() != null) {
      Fields outcome = new Fields();
      outcome.put("summary", proceeding.outcome().summary());
      if (proceeding.outcome().fine() != null) {
        Fields fine = new Fields();
        fine.put("amount", proceeding.outcome().fine().amount());
        fine.put("currency", proceeding.outcome().fine().currency());
        outcome.put("fine", fine.map);
      }
      fields.put("outcome", outcome.map);
    }
    fields.put("notes", proceeding.notes());
    fields.confidentiality(proceeding.confidentiality());
    return fields.map;
  }

  /**
   * A communication with its replies and claims. Its relations to communications outside the
   * export ({@code exported}), which belong to other case files, are left out: the document could
   * not name them, and importing it keeps them where they are stored.
   */
  static Map<String, Object> communication(
      Communication communication, List<Reply> replies, List<Claim> claims, Set<UUID> exported, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("communications", communication.id()));
    fields.put("type", communication.type().code());
    fields.put("reference", communication.reference());
    fields.put("states", communication.states());
    fields.put("other_addressees", communication.otherAddressees());
    fields.put("mandates", communication.mandates());
    fields.put("persons", communication.persons().stream().map(id -> keys.of("persons", id)).toList());
    fields.put("subject", communication.subject());
    fields.put("summary", communication.summary());
    fields.put("text", communication.text());
    fields.put("concerns", communication.concerns());
    fields.put("questions", communication.questions());
    fields.put("standards", communication.standards());
    fields.put("sources", communication.sources().stream().map(id -> keys.of("sources", id)).toList());
    if (communication.followUpOf() != null && exported.contains(communication.followUpOf())) {
      fields.put("follow_up_of", keys.of("communications", communication.followUpOf()));
    }
    fields.put("related", communication.related().stream().filter(exported::contains).map(id -> keys.of("communications", id)).toList());
    fields.put(
        "history",
        communication.history().stream()
            .map(
                step -> {
                  Fields entry = new Fields();
                  entry.put("date", step.date().toString());
                  entry.put("status", step.status().code());
                  entry.put("note", step.note());
                  return entry.map;
                })
            .toList());
    fields.put("public_on", communication.publicOn() == null ? null : communication.publicOn().toString());
    fields.put("notes", communication.notes());
    fields.confidentiality(communication.confidentiality());
    fields.put("replies", replies.stream().map(reply -> reply(reply, keys)).toList());
    fields.put("claims", claims.stream().map(claim -> claim(claim, keys)).toList());
    return fields.map;
  }

  private static Map<String, Object> reply(Reply reply, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("replies", reply.id()));
    fields.put("received", reply.received().toString());
    fields.put("sender", reply.sender());
    fields.put("sender_reference", reply.senderReference());
    fields.put("language", reply.language());
    fields.put(
        "documents",
        reply.documents().stream()
            .map(
                document -> {
                  Fields entry = new Fields();
                  entry.put("source", keys.of("sources", document.source()));
                  entry.put("role", document.role().code());
                  entry.put("language", document.language());
                  return entry.map;
                })
            .toList());
    fields.put("translation_status", reply.translationStatus().code());
    fields.put("summary", reply.summary());
    fields.put("notes", reply.notes());
    fields.confidentiality(reply.confidentiality());
    return fields.map;
  }

  private static Map<String, Object> claim(Claim claim, ExportService.ExportKeys keys) {
    Fields fields = new Fields();
    fields.put("key", keys.of("claims", claim.id()));
    fields.put("order", claim.order());
    fields.put("text", claim.text());
    fields.date("date", claim.date());
    fields.put("quote", claim.quote());
    fields.put("sources", claim.sources().stream().map(id -> keys.of("sources", id)).toList());
    fields.put(
        "responses",
        claim.responses().stream()
            .map(
                response -> {
                  Fields entry = new Fields();
                  entry.put("reply", keys.of("replies", response.reply()));
                  entry.put("stance", response.stance().code());
                  entry.put("quote", response.quote());
                  entry.put("sources", response.sources().stream().map(id -> keys.of("sources", id)).toList());
                  return entry.map;
                })
            .toList());
    fields.put("notes", claim.notes());
    fields.confidentiality(claim.confidentiality());
    return fields.map;
  }

  private static List<Map<String, Object>> names(List<Name> names) {
    return names.stream()
        .map(
            name -> {
              Fields entry = new Fields();
              entry.put("name", name.name());
              entry.put("kind", name.kind());
              entry.put("language", name.language());
              return entry.map;
            })
        .toList();
  }

  /** An ordered mapping that leaves out nulls and empty lists. */
  private static final class Fields {
    final Map<String, Object> map = new LinkedHashMap<>();

    void put(String field, Object value) {
      if (value == null || (value instanceof List<?> list && list.isEmpty())
          || (value instanceof Map<?, ?> mapping && mapping.isEmpty())) {
        return;
      }
      map.put(field, value);
    }

    void date(String field, PartialDate date) {
      put(field, date == null ? null : date.toEdtf());
    }

    void confidentiality(Confidentiality confidentiality) {
      map.put("confidentiality", confidentiality.code());
    }
  }
}
