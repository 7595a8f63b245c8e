package org.casebook.casepage;

import java.util.Locale;
import java.util.function.Function;

/**
 * Labels for {@code proceeding_status} codes when the caller has none at hand: the labels of the
 * vocabulary as first installed, in Russian for a Russian locale and in English for any other. A
 * code added later by an administrator is shown as the code itself; pass the labels from the
 * vocabulary to show those too.
 */
public final class StatusLabels {
  private StatusLabels() {}

  /** A label for each status code; never null, the code itself for a code without a label. */
  public static Function<String, String> forLocale(Locale locale) {
    CasePageText text = CasePageText.of(locale);
    return code -> {
      if (code == null) {
        return "";
      }
      String label = text.find("status." + code);
      return label.isEmpty() ? code : label;
    };
  }

  /**
   * {@code statusLabel} made safe to call: a null or blank label becomes the code itself, so that a
   * missing vocabulary term never shows as nothing.
   */
  static Function<String, String> orCode(Function<String, String> statusLabel) {
    return code -> {
      String label = code == null ? null : statusLabel.apply(code);
      if (label == null || label.isBlank()) {
        return code == null ? "" : code;
      }
      return label;
    };
  }
}
