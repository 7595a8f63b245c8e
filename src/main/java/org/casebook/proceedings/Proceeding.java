package org.casebook.proceedings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Recorded;
import org.casebook.common.Redaction;
import org.casebook.common.Lists;

/**
 * A legal process (criminal, civil, administrative, asylum, extradition): the authority, the
 * charges under provisions of the legal catalogue, the parties, the dated status history in the
 * order it happened, and the outcome.
 */
public record Proceeding(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    @JsonProperty("case") UUID caseId,
    String kind,
    String title,
    String authority,
    String jurisdiction,
    String number,
    List<Charge> charges,
    List<Party> parties,
    List<StatusChange> history,
    Outcome outcome,
    String notes) implements Recorded {

  public Proceeding {
    charges = Lists.copy(charges);
    parties = Lists.copy(parties);
    history = Lists.copy(history);
  }

  public Proceeding withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Proceeding(
        id, version, confidentiality, audit, caseId, kind, title, authority, jurisdiction, number,
        charges, parties, history, outcome, notes);
  }

  /** This record as shown to a reader without the restricted grant: the notes withheld. */
  public Proceeding withheld() {
    return new Proceeding(
        id, version, confidentiality, audit, caseId, kind, title, authority, jurisdiction, number, charges, parties, history, outcome, notes == null ? null : Redaction.MARK);
  }

  /** This record with the notes of {@code stored}, for a change by a reader without the grant. */
  public Proceeding keepingRestrictedOf(Proceeding stored) {
    return new Proceeding(
        id, version, confidentiality, audit, caseId, kind, title, authority, jurisdiction, number, charges, parties, history, outcome, stored.notes);
  }
}
