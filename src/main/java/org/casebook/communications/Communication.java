package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Lists;
import org.casebook.common.Recorded;
import org.casebook.common.Redaction;

/**
 * A letter to a State, or to a company or another body, about a case: an allegation letter, an
 * urgent appeal or another letter, signed by one or more special procedures mandates (a joint
 * communication when several sign).
 *
 * <p>The reference ({@code AL KAZ 1/2024}), the status and its dated history, the day it was sent
 * and the day it becomes public are set by the lifecycle operations of {@link
 * CommunicationService}, never by a request body; so are {@code joint} (several mandates) and
 * {@code links}, the related communications seen from this one, in both directions.
 *
 * @param states the addressed States by ISO 3166-1 alpha-3 code ({@code KAZ}); the first names
 *     the reference
 * @param otherAddressees the companies and other bodies addressed, by name
 * @param mandates the codes of the signing mandates in the mandate catalogue
 * @param questions the questions to the State, numbered from 1 in this order
 * @param standards the international standards the letter refers to, one instrument or article
 *     each ("Article 19 of the International Covenant on Civil and Political Rights"), in order
 * @param followUpOf the communication this one follows up
 * @param related other communications this one refers to
 * @param notes the team's notes: restricted on every communication
 */
public record Communication(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    CommunicationType type,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Boolean joint,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) String reference,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) CommunicationStatus status,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) LocalDate sentOn,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) LocalDate publicOn,
    List<String> states,
    List<String> otherAddressees,
    List<String> mandates,
    List<UUID> cases,
    List<UUID> persons,
    String subject,
    String summary,
    String text,
    String concerns,
    List<String> questions,
    List<String> standards,
    List<UUID> sources,
    UUID followUpOf,
    List<UUID> related,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) List<CommunicationLink> links,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) List<Transition> history,
    String notes)
    implements Recorded {

  public Communication {
    states = Lists.copy(states);
    otherAddressees = Lists.copy(otherAddressees);
    mandates = Lists.copy(mandates);
    cases = Lists.copy(cases);
    persons = Lists.copy(persons);
    questions = Lists.copy(questions);
    standards = Lists.copy(standards);
    sources = Lists.copy(sources);
    related = Lists.copy(related);
    links = Lists.copy(links);
    history = Lists.copy(history);
  }

  /** A new draft with the content a writer gives; everything the lifecycle sets is left empty. */
  public static Communication draft(
      Confidentiality confidentiality,
      CommunicationType type,
      List<String> states,
      List<String> otherAddressees,
      List<String> mandates,
      List<UUID> cases,
      List<UUID> persons,
      String subject,
      String summary,
      String text,
      String concerns,
      List<String> questions,
      List<UUID> sources,
      UUID followUpOf,
      List<UUID> related,
      String notes) {
    return draft(
        confidentiality, type, states, otherAddressees, mandates, cases, persons, subject, summary, text, concerns,
        questions, List.of(), sources, followUpOf, related, notes);
  }

  /** A new draft that also names the international standards it refers to. */
  public static Communication draft(
      Confidentiality confidentiality,
      CommunicationType type,
      List<String> states,
      List<String> otherAddressees,
      List<String> mandates,
      List<UUID> cases,
      List<UUID> persons,
      String subject,
      String summary,
      String text,
      String concerns,
      List<String> questions,
      List<String> standards,
      List<UUID> sources,
      UUID followUpOf,
      List<UUID> related,
      String notes) {
    return new Communication(
        null, null, confidentiality, null, type, null, null, null, null, null, states,
        otherAddressees, mandates, cases, persons, subject, summary, text, concerns, questions,
        standards, sources, followUpOf, related, List.of(), List.of(), notes);
  }

  /** Whether the communication has been sent: it has a sent date and a reference. */
  @JsonIgnore
  public boolean isSent() {
    return sentOn != null;
  }

  public Communication withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Communication(
        id, version, confidentiality, audit, type, joint, reference, status, sentOn, publicOn, states,
        otherAddressees, mandates, cases, persons, subject, summary, text, concerns, questions,
        standards, sources, followUpOf, related, links, history, notes);
  }

  /** This communication with what the lifecycle sets: reference, dated history and its dates. */
  public Communication withLifecycle(String reference, List<Transition> history, LocalDate sentOn, LocalDate publicOn) {
    return new Communication(
        id, version, confidentiality, audit, type, joint, reference, Lifecycle.statusOf(history),
        sentOn, publicOn, states, otherAddressees, mandates, cases, persons, subject, summary, text,
        concerns, questions, standards, sources, followUpOf, related, links, history, notes);
  }

  /** This communication with other links to other communications, as read. */
  public Communication withLinks(List<CommunicationLink> links) {
    return new Communication(
        id, version, confidentiality, audit, type, joint, reference, status, sentOn, publicOn, states,
        otherAddressees, mandates, cases, persons, subject, summary, text, concerns, questions,
        standards, sources, followUpOf, related, links, history, notes);
  }

  /** This communication linked to other case files. */
  public Communication withCases(List<UUID> cases) {
    return new Communication(
        id, version, confidentiality, audit, type, joint, reference, status, sentOn, publicOn, states,
        otherAddressees, mandates, cases, persons, subject, summary, text, concerns, questions,
        standards, sources, followUpOf, related, links, history, notes);
  }

  /** This communication with other relations to other communications. */
  public Communication withRelations(UUID followUpOf, List<UUID> related) {
    return new Communication(
        id, version, confidentiality, audit, type, joint, reference, status, sentOn, publicOn, states,
        otherAddressees, mandates, cases, persons, subject, summary, text, concerns, questions,
        standards, sources, followUpOf, related, links, history, notes);
  }

  /** This communication as shown to a reader without the restricted grant: the notes withheld. */
  public Communication withheld() {
    return new Communication(
        id, version, confidentiality, audit, type, joint, reference, status, sentOn, publicOn, states,
        otherAddressees, mandates, cases, persons, subject, summary, text, concerns, questions,
        standards, sources, followUpOf, related, links, history, notes == null ? null : Redaction.MARK);
  }

  /** This communication with the notes of {@code stored}, for a change by a reader without the grant. */
  public Communication keepingRestrictedOf(Communication stored) {
    return new Communication(
        id, version, confidentiality, audit, type, joint, reference, status, sentOn, publicOn, states,
        otherAddressees, mandates, cases, persons, subject, summary, text, concerns, questions,
        standards, sources, followUpOf, related, links, history, stored.notes);
  }
}
