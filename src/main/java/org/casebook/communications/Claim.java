package org.casebook.communications;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Audit;
import org.casebook.common.Confidentiality;
import org.casebook.common.Lists;
import org.casebook.common.Recorded;
import org.casebook.common.Redaction;
import org.casebook.dates.PartialDate;

/**
 * One allegation a communication makes, and what each reply says about it.
 *
 * @param communication the communication that makes it
 * @param order its place among the communication's allegations, from 1
 * @param text the allegation in the team's words
 * @param date when the alleged fact happened, as far as it is known, or null
 * @param quote the communication's own words
 * @param sources the sources of the allegation
 * @param responses what the replies say, at most one response per reply
 * @param notes the team's notes: restricted on every claim
 */
public record Claim(
    UUID id,
    Integer version,
    Confidentiality confidentiality,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Audit audit,
    UUID communication,
    Integer order,
    String text,
    PartialDate date,
    String quote,
    List<UUID> sources,
    List<ClaimResponse> responses,
    String notes)
    implements Recorded {

  public Claim {
    sources = Lists.copy(sources);
    responses = Lists.copy(responses);
  }

  public Claim withHeader(UUID id, Integer version, Confidentiality confidentiality, Audit audit) {
    return new Claim(id, version, confidentiality, audit, communication, order, text, date, quote, sources, responses, notes);
  }

  public Claim withOrder(Integer order) {
    return new Claim(id, version, confidentiality, audit, communication, order, text, date, quote, sources, responses, notes);
  }

  /** This claim as shown to a reader without the restricted grant: the notes withheld. */
  public Claim withheld() {
    return new Claim(
        id, version, confidentiality, audit, communication, order, text, date, quote, sources, responses,
        notes == null ? null : Redaction.MARK);
  }

  /** This claim with the notes of {@code stored}, for a change by a reader without the grant. */
  public Claim keepingRestrictedOf(Claim stored) {
    return new Claim(id, version, confidentiality, audit, communication, order, text, date, quote, sources, responses, stored.notes);
  }
}
