package org.casebook.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.generate.Dice;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The fixed query mix of the search benchmark, sampled from the corpus in the database: names of
 * people in Cyrillic and in Latin, their aliases and other spellings, phrases from source texts,
 * article numbers alone ({@code 274}) and with their part ({@code article 274 part 2}), words with a
 * filter on kind, country or year and the facet counts, words within a date range, and single
 * common words. The same database and seed give the same queries, in the same order.
 *
 * <p>Queries are made from records that are not restricted (whose text is in clear), half of them
 * from the case files of the viewer, so that half of the name, phrase and article queries have an
 * answer the viewer may see and half must find nothing of that record. Immutable.
 */
public final class QueryMix {
  private static final Pattern CYRILLIC = Pattern.compile(".*\\p{IsCyrillic}.*");
  private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z' -]*");

  /** Words found in many records, in both languages. */
  static final List<String> COMMON_WORDS =
      List.of(
          "court", "police", "defender", "article", "protest", "journalist", "prosecutor", "detention",
          "search", "asylum", "суд", "полиции", "правозащитница", "статье", "протеста", "журналист",
          "прокурор", "обыск", "убежище", "задержание");

  private static final List<String> KINDS =
      List.of("case-file", "person", "organization", "source", "proceeding", "event");

  private final List<BenchQuery> queries;

  private QueryMix(List<BenchQuery> queries) {
    this.queries = List.copyOf(queries);
  }

  public List<BenchQuery> queries() {
    return queries;
  }

  /** The number of queries of each category. */
  public Map<QueryCategory, Long> counts() {
    Map<QueryCategory, Long> counts = new EnumMap<>(QueryCategory.class);
    queries.forEach(query -> counts.merge(query.category(), 1L, Long::sum));
    return counts;
  }

  /**
   * Samples {@code perCategory} queries of each category from the corpus.
   *
   * @throws IllegalStateException if the corpus is too small or holds no case file of the viewer
   */
  public static QueryMix sample(Jdbi jdbi, BenchViewer viewer, long seed, int perCategory) {
    if (perCategory < 1) {
      throw new IllegalArgumentException("at least one query per category, not " + perCategory);
    }
    return jdbi.withHandle(
        handle -> {
          Sampler sampler = new Sampler(handle, viewer, new Dice(seed));
          List<BenchQuery> all = new ArrayList<>();
          for (QueryCategory category : QueryCategory.values()) {
            all.addAll(sampler.queries(category, perCategory));
          }
          Dice order = Dice.of(seed, 1);
          for (int index = all.size() - 1; index > 0; index--) {
            int other = order.nextInt(index + 1);
            BenchQuery swapped = all.get(index);
            all.set(index, all.get(other));
            all.set(other, swapped);
          }
          List<BenchQuery> numbered = new ArrayList<>();
          for (int index = 0; index < all.size(); index++) {
            BenchQuery query = all.get(index);
            numbered.add(
                new BenchQuery(
                    index + 1, query.category(), query.text(), query.filters(), query.facets(),
                    query.sampledKind(), query.sampledFrom(), query.sampledVisible()));
          }
          return new QueryMix(numbered);
        });
  }

  /** Draws case files and records from them. */
  private static final class Sampler {
    private final Handle handle;
    private final Dice dice;
    private final List<Long> viewerCases;
    private final Set<Long> viewerCaseSet;
    private final long firstCase;
    private final long lastCase;

    Sampler(Handle handle, BenchViewer viewer, Dice dice) {
      this.handle = handle;
      this.dice = dice;
      this.viewerCases =
          handle
              .createQuery(
                  "SELECT c.id FROM case_teams t JOIN users u ON u.id = t.user_id"
                      + " JOIN case_files c ON c.id = t.case_id WHERE u.public_id = :user"
                      + " AND c.voided_at IS NULL"
                      + " AND (c.confidentiality <> 'restricted' OR t.restricted_grant = TRUE) ORDER BY c.id")
              .bind("user", viewer.userId())
              .mapTo(Long.class)
              .list();
      if (viewerCases.isEmpty()) {
        throw new IllegalStateException(
            "the viewer " + viewer.name() + " is on no case file's team; the query mix needs some");
      }
      this.viewerCaseSet = new HashSet<>(viewerCases);
      this.firstCase = handle.createQuery("SELECT MIN(id) FROM case_files").mapTo(Long.class).one();
      this.lastCase = handle.createQuery("SELECT MAX(id) FROM case_files").mapTo(Long.class).one();
    }

    List<BenchQuery> queries(QueryCategory category, int count) {
      List<BenchQuery> made = new ArrayList<>();
      int attempts = 0;
      while (made.size() < count) {
        if (++attempts > count * 200) {
          throw new IllegalStateException(
              "the corpus is too small to sample " + count + " queries of the category " + category);
        }
        BenchQuery query = query(category, someCase(made.size() % 2 == 0));
        if (query != null) {
          made.add(query);
        }
      }
      return made;
    }

    /** A case file of the viewer, or any case file that is not restricted. */
    private long someCase(boolean viewers) {
      if (viewers) {
        return dice.pick(viewerCases);
      }
      long probe = firstCase + (long) (dice.nextDouble() * (lastCase - firstCase + 1));
      return handle
          .createQuery(
              "SELECT id FROM case_files WHERE id >= :probe AND confidentiality <> 'restricted'"
                  + " ORDER BY id LIMIT 1")
          .bind("probe", probe)
          .mapTo(Long.class)
          .findOne()
          .orElse(viewerCases.get(0));
    }

    private BenchQuery query(QueryCategory category, long caseId) {
      boolean visible = viewerCaseSet.contains(caseId);
      return switch (category) {
        case NAME_CYRILLIC, NAME_LATIN, ALIAS -> name(category, caseId, visible);
        case PHRASE -> phrase(caseId, visible);
        case ARTICLE_NUMBER, ARTICLE_PART -> article(category, caseId, visible);
        case FACETED -> faceted(caseId);
        case DATE_RANGE -> dateRange();
        case COMMON_WORD -> query(category, dice.pick(COMMON_WORDS), QueryFilters.NONE, false, null, null, false);
      };
    }

    private BenchQuery name(QueryCategory category, long caseId, boolean visible) {
      List<Map<String, Object>> persons =
          handle
              .createQuery(
                  "SELECT p.id, p.public_id, p.primary_name FROM case_persons cp JOIN persons p ON p.id = cp.person_id"
                      + " WHERE cp.case_id = :case AND p.confidentiality <> 'restricted' AND p.protected = FALSE"
                      + " AND p.voided_at IS NULL ORDER BY cp.position")
              .bind("case", caseId)
              .mapToMap()
              .list();
      if (persons.isEmpty()) {
        return null;
      }
      Map<String, Object> person = dice.pick(persons);
      long key = ((Number) person.get("id")).longValue();
      UUID id = UUID.fromString(person.get("public_id").toString());
      List<String> candidates = new ArrayList<>();
      String primary = person.get("primary_name").toString();
      List<Map<String, Object>> others =
          handle
              .createQuery("SELECT name, kind FROM person_names WHERE person_id = :person ORDER BY position")
              .bind("person", key)
              .mapToMap()
              .list();
      if (category == QueryCategory.ALIAS) {
        boolean firstTransliteration = true;
        for (Map<String, Object> other : others) {
          String kind = other.get("kind").toString();
          if (kind.equals("transliteration") && firstTransliteration) {
            firstTransliteration = false;
          } else {
            candidates.add(other.get("name").toString());
          }
        }
      } else {
        candidates.add(primary);
        for (Map<String, Object> other : others) {
          if (other.get("kind").equals("transliteration")) {
            candidates.add(other.get("name").toString());
          }
        }
        boolean cyrillic = category == QueryCategory.NAME_CYRILLIC;
        candidates.removeIf(
            name -> cyrillic ? !CYRILLIC.matcher(name).matches() : !LATIN_NAME.matcher(name).matches());
      }
      if (candidates.isEmpty()) {
        return null;
      }
      String name = dice.pick(candidates);
      if (category != QueryCategory.ALIAS && dice.chance(30) && name.contains(" ")) {
        name = name.substring(name.lastIndexOf(' ') + 1);
      }
      return query(category, name, QueryFilters.NONE, false, "person", id, visible);
    }

    private BenchQuery phrase(long caseId, boolean visible) {
      List<Map<String, Object>> sources =
          handle
              .createQuery(
                  "SELECT s.public_id, s.full_text FROM case_sources cs JOIN sources s ON s.id = cs.source_id"
                      + " WHERE cs.case_id = :case AND s.confidentiality <> 'restricted' AND s.voided_at IS NULL"
                      + " AND s.full_text IS NOT NULL ORDER BY cs.position")
              .bind("case", caseId)
              .mapToMap()
              .list();
      if (sources.isEmpty()) {
        return null;
      }
      Map<String, Object> source = dice.pick(sources);
      String text = source.get("full_text").toString();
      String[] words = text.split("\\s+");
      int length = dice.between(3, 5);
      if (words.length < length + 1) {
        return null;
      }
      int start = dice.nextInt(words.length - length);
      StringBuilder phrase = new StringBuilder();
      for (int index = start; index < start + length; index++) {
        // Punctuation goes (a phrase is words), apostrophes and hyphens inside a word stay.
        String word = words[index].replaceAll("[^\\p{L}\\p{N}'’-]", "").replaceAll("^['’-]+|['’-]+$", "");
        if (word.isEmpty() || index > start && words[index - 1].matches(".*[.!?;:]$")) {
          return null;
        }
        phrase.append(phrase.length() == 0 ? "" : " ").append(word);
      }
      return query(
          QueryCategory.PHRASE, "\"" + phrase + "\"", QueryFilters.NONE, false, "source",
          UUID.fromString(source.get("public_id").toString()), visible);
    }

    private BenchQuery article(QueryCategory category, long caseId, boolean visible) {
      List<Map<String, Object>> charges =
          handle
              .createQuery(
                  "SELECT p.public_id, a.article, c.part FROM proceedings p"
                      + " JOIN proceeding_charges c ON c.proceeding_id = p.id"
                      + " JOIN provisions a ON a.id = c.provision_id"
                      + " WHERE p.case_id = :case AND p.confidentiality <> 'restricted' AND p.voided_at IS NULL"
                      + " ORDER BY p.id, c.position")
              .bind("case", caseId)
              .mapToMap()
              .list();
      if (category == QueryCategory.ARTICLE_PART) {
        charges.removeIf(charge -> charge.get("part") == null);
      }
      if (charges.isEmpty()) {
        return null;
      }
      Map<String, Object> charge = dice.pick(charges);
      String article = charge.get("article").toString();
      String text =
          category == QueryCategory.ARTICLE_NUMBER
              ? article
              : dice.nextBoolean()
                  ? "article " + article + " part " + charge.get("part")
                  : "статья " + article + " часть " + charge.get("part");
      return query(
          category, text, QueryFilters.NONE, false, "proceeding",
          UUID.fromString(charge.get("public_id").toString()), visible);
    }

    private BenchQuery faceted(long caseId) {
      String word = dice.pick(COMMON_WORDS);
      QueryFilters filters =
          switch (dice.nextInt(3)) {
            case 0 -> new QueryFilters(dice.pick(KINDS), null, null, null, null);
            case 1 -> {
              String countries =
                  handle
                      .createQuery("SELECT countries FROM case_files WHERE id = :case")
                      .bind("case", caseId)
                      .mapTo(String.class)
                      .one();
              yield new QueryFilters(null, countries.split(",")[0], null, null, null);
            }
            default -> new QueryFilters(null, null, dice.between(2012, 2024), null, null);
          };
      return query(QueryCategory.FACETED, word, filters, true, null, null, false);
    }

    private BenchQuery dateRange() {
      LocalDate from = LocalDate.of(dice.between(2012, 2024), dice.between(1, 12), 1);
      LocalDate to = from.plusMonths(dice.between(1, 24)).minusDays(1);
      return query(
          QueryCategory.DATE_RANGE, dice.pick(COMMON_WORDS), new QueryFilters(null, null, null, from, to),
          false, null, null, false);
    }

    private static BenchQuery query(
        QueryCategory category, String text, QueryFilters filters, boolean facets, String kind, UUID id,
        boolean visible) {
      return new BenchQuery(0, category, text.strip(), filters, facets, kind, id, visible);
    }
  }
}
