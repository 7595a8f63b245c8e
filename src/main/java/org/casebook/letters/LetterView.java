package org.casebook.letters;

import java.util.List;
import org.casebook.common.Lists;

/**
 * A letter as {@code letter.jte} lays it out, every word already in the reader's language and
 * every value already trimmed to what the reader may see: the template only places it. One shape
 * serves a communication and a reply.
 *
 * @param language the language code for {@code <html lang>}
 * @param title the document's title (the reference, or the draft's name)
 * @param styleSheet where the style sheet is: an asset path for a browser, a class-path address
 *     for the PDF renderer
 * @param runningText what stands at the top of every page: the reference, such as {@code AL KAZ
 *     1/2024}
 * @param draftMark the mark on every page of a letter not yet sent, or null
 * @param pageWord the word before the page number in "Page 2 of 3"
 * @param ofWord the word between the page number and the number of pages
 * @param headings the centred heading lines: the signing mandates, or the sender of a reply
 * @param referenceLine "REFERENCE: AL KAZ 1/2024"
 * @param dateLine the day it was sent or received, written out
 * @param addressees the lines of the address: each State's permanent representative, each other
 *     addressee
 * @param facts labelled facts under the address (a reply's sender, reference, language)
 * @param salutation the opening formula ("Excellency,"), or null
 * @param sections the body, in order
 * @param closing the closing formula, or null
 * @param signatories the signatures: the mandate holders' titles
 */
public record LetterView(
    String language,
    String title,
    String styleSheet,
    String runningText,
    String draftMark,
    String pageWord,
    String ofWord,
    List<String> headings,
    String referenceLine,
    String dateLine,
    List<String> addressees,
    List<Fact> facts,
    String salutation,
    List<Section> sections,
    String closing,
    List<String> signatories) {

  public LetterView {
    headings = Lists.copy(headings);
    addressees = Lists.copy(addressees);
    facts = Lists.copy(facts);
    sections = Lists.copy(sections);
    signatories = Lists.copy(signatories);
  }

  /** A labelled fact, such as the sender of a reply. */
  public record Fact(String label, String value) {}

  /**
   * A part of the body: an introductory sentence, then paragraphs, numbered when they are questions.
   *
   * @param name a stable name for the section's class, such as {@code questions}
   * @param intro the sentence that opens it, or null
   */
  public record Section(String name, String intro, List<String> paragraphs, boolean numbered) {
    public Section {
      paragraphs = Lists.copy(paragraphs);
    }
  }

  /** This letter with its style sheet at {@code styleSheet}. */
  public LetterView withStyleSheet(String styleSheet) {
    return new LetterView(
        language, title, styleSheet, runningText, draftMark, pageWord, ofWord, headings, referenceLine, dateLine, addressees,
        facts, salutation, sections, closing, signatories);
  }
}
