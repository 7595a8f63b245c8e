package org.casebook.casepage;

import java.util.List;
import java.util.UUID;
import org.casebook.common.Confidentiality;
import org.casebook.dates.PartialDate;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;

/** Proceedings shaped like those of the demo case, built in memory for the tests. */
final class DemoLikeProceedings {
  static final String CASE_2017 =
      "2017 criminal case for dissemination of knowingly false information";
  static final String FRAUD_CASE = "Fraud case over donations to NeMolchi.KZ";

  private DemoLikeProceedings() {}

  static Proceeding falseInformation2017() {
    return proceeding(
        CASE_2017,
        "criminal",
        change("2017-01-11", "filed"),
        change("2017-02-03", "opened"),
        change("2017-03/2018-12", "dismissed"));
  }

  static Proceeding fraud2023() {
    return proceeding(
        FRAUD_CASE,
        "criminal",
        change("2023-10-16", "opened"),
        change("2023-12-27", "suspect-named"),
        change("2023-12-27", "wanted-listed"));
  }

  static Proceeding asylum() {
    return proceeding(
        "Asylum application in Montenegro",
        "asylum",
        change("2023-10/2024-03", "filed"),
        change("2024~", "decision-due"));
  }

  static List<Proceeding> all() {
    return List.of(falseInformation2017(), fraud2023(), asylum());
  }

  static Proceeding proceeding(String title, String kind, StatusChange... history) {
    return new Proceeding(
        UUID.randomUUID(),
        1,
        Confidentiality.PUBLIC,
        null,
        UUID.randomUUID(),
        kind,
        title,
        null,
        "KZ",
        null,
        List.of(),
        List.of(),
        List.of(history),
        null,
        "Notes that never appear in the drawing");
  }

  static StatusChange change(String edtf, String status) {
    return new StatusChange(PartialDate.parse(edtf), status, "A note never drawn", List.of());
  }
}
