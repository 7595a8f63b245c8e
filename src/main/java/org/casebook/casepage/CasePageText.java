package org.casebook.casepage;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface text of the case page views, from the {@code CasePageText} resource bundle: Russian
 * for a Russian locale, English for any other. The platform's default locale is never consulted.
 */
final class CasePageText {
  private static final String BUNDLE = "org.casebook.casepage.CasePageText";
  private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private CasePageText(Locale locale, ResourceBundle bundle) {
    this.locale = locale;
    this.bundle = bundle;
  }

  static CasePageText of(Locale locale) {
    Locale language = "ru".equals(locale.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ROOT;
    return new CasePageText(
        language, ResourceBundle.getBundle(BUNDLE, language, NO_DEFAULT_LOCALE_FALLBACK));
  }

  /** The locale of the text: Russian or {@link Locale#ROOT} (English). */
  Locale locale() {
    return locale;
  }

  String get(String key) {
    return bundle.getString(key);
  }

  /** The text for {@code key}, or empty when the bundle has none. */
  String find(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException missing) {
      return "";
    }
  }

  /** The {@link MessageFormat} pattern for {@code key} filled with {@code arguments}. */
  String format(String key, Object... arguments) {
    return new MessageFormat(get(key), locale).format(arguments);
  }
}
