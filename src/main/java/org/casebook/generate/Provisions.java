package org.casebook.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The articles of the legal catalogue that generated charges cite, read once from the store, by the
 * country of their code. Charges cite only what the catalogue holds, as the services require.
 */
final class Provisions {
  /** An article with the parts the catalogue lists for it, and its internal key. */
  record Article(
      long key, String code, String country, String number, String titleEn, String titleRu, List<String> parts) {
    String title(Language language) {
      return language == Language.RUSSIAN ? titleRu : titleEn;
    }
  }

  private final Map<String, List<Article>> byCountry;

  private Provisions(Map<String, List<Article>> byCountry) {
    this.byCountry = byCountry;
  }

  static Provisions load(Handle handle) {
    record Row(long key, String code, String country, String article, String part, String titleEn, String titleRu) {}
    List<Row> rows =
        handle
            .createQuery(
                "SELECT p.id, p.code, c.country, p.article, p.part, p.title_en, p.title_ru"
                    + " FROM provisions p JOIN legal_codes c ON c.code = p.code"
                    + " ORDER BY c.country, p.code, p.article, p.part")
            .map(
                (row, context) ->
                    new Row(
                        row.getLong("id"), row.getString("code"), row.getString("country"),
                        row.getString("article"), row.getString("part"), row.getString("title_en"),
                        row.getString("title_ru")))
            .list();
    Map<String, List<Article>> byCountry = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!row.part().isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (Row part : rows) {
        if (part.code().equals(row.code()) && part.article().equals(row.article()) && !part.part().isEmpty()) {
          parts.add(part.part());
        }
      }
      byCountry
          .computeIfAbsent(row.country(), country -> new ArrayList<>())
          .add(
              new Article(
                  row.key(), row.code(), row.country(), row.article(), row.titleEn(), row.titleRu(),
                  List.copyOf(parts)));
    }
    Map<String, List<Article>> frozen = new LinkedHashMap<>();
    byCountry.forEach((country, articles) -> frozen.put(country, List.copyOf(articles)));
    return new Provisions(Map.copyOf(frozen));
  }

  /** The articles charges in {@code country} may cite; empty where the catalogue has none. */
  List<Article> of(String country) {
    return byCountry.getOrDefault(country, List.of());
  }

  /** The internal keys of all the articles, by code and number: {@code "KZ-CC 274"}. */
  Map<String, Long> articleKeys() {
    Map<String, Long> keys = new LinkedHashMap<>();
    byCountry.values().forEach(articles -> articles.forEach(article -> keys.put(article.code() + " " + article.number(), article.key())));
    return keys;
  }
}
