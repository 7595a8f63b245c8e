package org.casebook.dates;

import java.util.Locale;

/** The languages {@link PartialDateInput} reads, and writes its refusals in. */
enum InputLanguage {
  ENGLISH(Locale.ENGLISH),
  RUSSIAN(Locale.forLanguageTag("ru"));

  private final Locale locale;

  InputLanguage(Locale locale) {
    this.locale = locale;
  }

  /** Russian for a Russian locale and English for any other, as {@link PartialDate#format}. */
  static InputLanguage of(Locale locale) {
    return "ru".equals(locale.getLanguage()) ? RUSSIAN : ENGLISH;
  }

  InputLanguage other() {
    return this == ENGLISH ? RUSSIAN : ENGLISH;
  }

  /** The locale that makes {@link PartialDate#format} write this language. */
  Locale locale() {
    return locale;
  }
}
