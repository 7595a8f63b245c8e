package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Locale;
import org.casebook.web.Requests;

/**
 * The interface language of a request: the one asked for with {@code ?lang=} (then remembered in
 * the cookie {@code casebook_lang} for a year), else the remembered one, else the best match of the
 * browser's {@code Accept-Language}, else English.
 */
final class Language {
  static final String COOKIE = "casebook_lang";
  static final String PARAMETER = "lang";
  private static final int ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
  private static final String ATTRIBUTE = "casebook.locale";

  private Language() {}

  static Locale of(Context context) {
    Locale resolved = context.attribute(ATTRIBUTE);
    if (resolved == null) {
      resolved = resolve(context);
      context.attribute(ATTRIBUTE, resolved);
    }
    return resolved;
  }

  private static Locale resolve(Context context) {
    String asked = context.queryParam(PARAMETER);
    if (Messages.supports(asked)) {
      Cookie cookie = new Cookie(COOKIE, asked);
      cookie.setPath("/");
      cookie.setMaxAge(ONE_YEAR_SECONDS);
      cookie.setHttpOnly(true);
      cookie.setSameSite(SameSite.LAX);
      cookie.setSecure(Requests.overTls(context));
      context.cookie(cookie);
      return Locale.forLanguageTag(asked);
    }
    String remembered = context.cookie(COOKIE);
    if (Messages.supports(remembered)) {
      return Locale.forLanguageTag(remembered);
    }
    return fromAcceptLanguage(context.header("Accept-Language"));
  }

  static Locale fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Messages.SUPPORTED.get(0);
    }
    List<String> supported = Messages.SUPPORTED.stream().map(Locale::getLanguage).toList();
    try {
      String best = Locale.lookupTag(Locale.LanguageRange.parse(header), supported);
      return best == null ? Messages.SUPPORTED.get(0) : Locale.forLanguageTag(best);
    } catch (IllegalArgumentException malformed) {
      return Messages.SUPPORTED.get(0);
    }
  }
}
