package org.casebook.communications;

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
 * A reply to a communication: the day it came, who sent it under what reference (a note verbale's
 * number, such as {@code 30-44/127}), its language, its documents (the original and translations,
 * each a source with its hash) and how far its translation and publication have come.
 *
 * @param communication the communication it answers
 * @param notes the team's notes: restricted on every reply
 */
public record Reply(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    UUID communication,
    LocalDate received,
    String sender,
    String senderReference,
    String language,
    List<ReplyDocument> documents,
    TranslationStatus translationStatus,
    String summary,
    String notes)
    implements Recorded {

  public Reply {
    documents = Lists.copy(documents);
  }

  public Reply withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Reply(
        id, version, confidentiality, audit, communication, received, sender, senderReference, language,
        documents, translationStatus, summary, notes);
  }

  /** This reply with a translation status, {@link TranslationStatus#RECEIVED} when none is given. */
  public Reply withDefaults() {
    return translationStatus != null ? this : new Reply(
        id, version, confidentiality, audit, communication, received, sender, senderReference, language,
        documents, TranslationStatus.RECEIVED, summary, notes);
  }

  /** This reply as shown to a reader without the restricted grant: the notes withheld. */
  public Reply withheld() {
    return new Reply(
        id, version, confidentiality, audit, communication, received, sender, senderReference, language,
        documents, translationStatus, summary, notes == null ? null : Redaction.MARK);
  }

  /** This reply with the notes of {@code stored}, for a change by a reader without the grant. */
  public Reply keepingRestrictedOf(Reply stored) {
    return new Reply(
        id, version, confidentiality, audit, communication, received, sender, senderReference, language,
        documents, translationStatus, summary, stored.notes);
  }
}
