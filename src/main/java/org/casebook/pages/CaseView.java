package org.casebook.pages;

import gg.jte.Content;
import java.util.List;
import java.util.UUID;

/**
 * A case file as its page shows it, in the interface language: made from the records a signed-in
 * reader may see, or from the published view. Labels of coded values and dates are already put
 * into words; text from records is left as written, for the template to escape.
 *
 * @param relationships the relationships between the persons of the case file; none on the
 *     published view
 * @param proceedingsDrawing the drawing of the proceedings along a shared time axis (SVG made on
 *     the server), or null where there is none
 */
public record CaseView(
    UUID id,
    String title,
    String summary,
    List<String> countries,
    String risk,
    String riskLabel,
    String statusLabel,
    List<PartyView> subjects,
    List<PartyView> persons,
    List<OrganizationRow> organizations,
    List<RelationshipRow> relationships,
    List<TimelineEntry> timeline,
    List<Choice> timelineTypes,
    String timelineType,
    Content proceedingsDrawing,
    List<ProceedingRow> proceedings,
    List<SourceRow> sources) {

  /**
   * A person or organization: a name (or the redaction mark) and the other names.
   *
   * @param id the record, for its anchor and edit link; null on the published view and for a
   *     subject the reader may not see
   */
  public record PartyView(UUID id, String name, List<String> otherNames, String detail) {}

  /**
   * A relationship in words: "Asel Nurova is spouse of Marat Nurov", and when, if known.
   *
   * @param period "since 2010", "until 2019", "2010 to 2019"; null when no date is recorded
   */
  public record RelationshipRow(UUID id, String text, String period) {}

  /**
   * An organization of the case file; {@code id} is for its anchor and edit link, null on the
   * published view.
   */
  public record OrganizationRow(UUID id, PartyView party, List<String> members) {}

  /**
   * One item of the chronology.
   *
   * @param eventId the event this item shows, for its anchor and edit link; null for a proceeding's
   *     status change and on the published view
   */
  public record TimelineEntry(
      UUID eventId, String date, String edtf, String typeLabel, String title, String proceeding, List<String> sources) {}

  /** An option of a filter: a code and its label. */
  public record Choice(String code, String label) {}

  /**
   * A row of the proceedings table.
   *
   * @param id the proceeding, for its anchor and edit link; null on the published view
   */
  public record ProceedingRow(
      UUID id,
      String title,
      String kindLabel,
      String authority,
      String number,
      List<ChargeRow> charges,
      String statusLabel,
      String statusDate,
      String outcome) {}

  /** A charge: the citation, the provision's title, and the maximum penalty in words. */
  public record ChargeRow(String citation, String title, String maxPenalty) {}

  /**
   * A source with what a reader needs to weigh it.
   *
   * @param id the source, for its anchor, edit link and file; null on the published view
   * @param file whether the source has a stored file the reader may download
   */
  public record SourceRow(
      UUID id,
      String title,
      String kindLabel,
      String publisher,
      String date,
      String language,
      String url,
      String reliabilityLabel,
      boolean file) {}
}
