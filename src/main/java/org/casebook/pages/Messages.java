package org.casebook.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The interface text in one language, read from the bundle {@code i18n/messages_<language>.properties}
 * (UTF-8). Every word a page shows comes from here; records keep their own language.
 *
 * <p>Immutable and thread-safe; one instance per supported language, loaded once.
 */
public final class Messages {
  /** The interface languages, the first being the default. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

  private static final Map<String, Messages> BY_LANGUAGE =
      SUPPORTED.stream().collect(Collectors.toUnmodifiableMap(Locale::getLanguage, Messages::load));

  private final Locale locale;
  private final Map<String, String> texts;

  private Messages(Locale locale, Map<String, String> texts) {
    this.locale = locale;
    this.texts = texts;
  }

  /** The messages of {@code locale}'s language, or of the default language if it is not supported. */
  public static Messages of(Locale locale) {
    Messages messages = BY_LANGUAGE.get(locale.getLanguage());
    return messages == null ? BY_LANGUAGE.get(SUPPORTED.get(0).getLanguage()) : messages;
  }

  /** Whether the interface speaks {@code language} (an ISO 639 code such as {@code ru}). */
  public static boolean supports(String language) {
    return language != null && BY_LANGUAGE.containsKey(language);
  }

  public Locale locale() {
    return locale;
  }

  /** The keys of this bundle. */
  public Set<String> keys() {
    return texts.keySet();
  }

  /** The text of {@code key}; the key itself if the bundle lacks it, so that a gap shows. */
  public String get(String key) {
    String text = texts.get(key);
    return text == null ? key : text;
  }

  /** The text of {@code key} with {@link MessageFormat} arguments put in, formatted for the locale. */
  public String format(String key, Object... arguments) {
    return new MessageFormat(get(key), locale).format(arguments);
  }

  private static Messages load(Locale locale) {
    String resource = "/i18n/messages_" + locale.getLanguage() + ".properties";
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the message bundle " + resource + " is missing from the build");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the message bundle " + resource, e);
    }
    Map<String, String> texts =
        properties.stringPropertyNames().stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), properties::getProperty));
    return new Messages(locale, texts);
  }
}
