package org.casebook.communications;

import java.util.Locale;

/**
 * A special procedures mandate of the UN Human Rights Council (a Special Rapporteur, a Working
 * Group, an Independent Expert), by a stable code, with its name in English and Russian.
 */
public record Mandate(String code, String nameEn, String nameRu, Boolean active) {
  /** The name in {@code language} (Russian for {@code ru}, else English). */
  public String name(Locale language) {
    return "ru".equals(language.getLanguage()) ? nameRu : nameEn;
  }
}
