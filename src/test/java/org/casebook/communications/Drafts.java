package org.casebook.communications;

import java.util.List;
import java.util.UUID;
import org.casebook.app.Casebook;
import org.casebook.common.Confidentiality;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.Progress;

/** Invented case files and draft communications for the tests of this package. */
final class Drafts {
  static final String DEFENDERS = "sr-human-rights-defenders";
  static final String ASSEMBLY = "sr-assembly-association";

  private Drafts() {}

  /** Imports a small public case file under {@code key} and returns its id. */
  static UUID caseFile(Casebook casebook, String key) {
    String document =
        String.join(
            "\n",
            "format: casebook/1",
            "case: {key: " + key + ", title: 'Case " + key + "', risk: high, status: open, subjects: [defender], confidentiality: public}",
            "persons:",
            "  - {key: defender, name: Aigerim Testova, confidentiality: public}",
            "sources:",
            "  - {key: letter, title: A letter, kind: un-communication, text: 'The letter.', confidentiality: public}",
            "");
    return casebook.importer().importDocument(TestCasebook.TESTER, key + ".yaml", document, null, false, Progress.NONE).caseId();
  }

  /** A public draft allegation letter to {@code state}, signed by two mandates, linked to {@code caseId}. */
  static Communication letter(String state, UUID caseId, String subject) {
    return Communication.draft(
        Confidentiality.PUBLIC, CommunicationType.AL, List.of(state), List.of(), List.of(DEFENDERS, ASSEMBLY),
        caseId == null ? List.of() : List.of(caseId), List.of(), subject, "A summary.", "The text.", "Our concerns.",
        List.of("Please provide information on the allegations.", "Please explain the legal basis."), List.of(), null,
        List.of(), "Internal notes.");
  }
}
