package org.casebook.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Permission;

/**
 * Completions of what is being typed in a search box: the case files, persons and organizations
 * whose names match the words typed so far, the last one as the beginning of a word ("Смаи" →
 * "Dinara Smailova"). They are found by an ordinary {@link SearchService#search}, so they are
 * trimmed exactly as the results are: a suggestion never names a record the caller may not see.
 */
public final class Suggestions {
  /** The most suggestions given at once. */
  public static final int LIMIT = 8;

  /** The kinds suggested: those people look up by name. */
  static final Set<String> KINDS = Set.of(RecordKind.CASE.code(), RecordKind.PERSON.code(), RecordKind.ORGANIZATION.code());

  private final SearchService search;

  public Suggestions(SearchService search) {
    this.search = search;
  }

  /** One suggestion: the record, its kind and its title. */
  public record Suggestion(RecordKind kind, UUID id, String title) {}

  /**
   * The suggestions for {@code typed}, best first, one per title; none while fewer than {@link
   * QueryText#MIN_PREFIX} characters are typed.
   *
   * @throws org.casebook.common.NotPermitted for callers who may not read records, as search does
   */
  public List<Suggestion> suggest(Caller caller, String typed) {
    caller.require(Permission.READ_RECORDS);
    String text = typed == null ? "" : typed.strip();
    if (text.codePointCount(0, text.length()) < QueryText.MIN_PREFIX) {
      return List.of();
    }
    Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
    filters.put(Facet.KIND, KINDS);
    SearchQuery query = new SearchQuery(completing(text), filters, null, null, SortOrder.RELEVANCE, 1, LIMIT * 2, SearchQuery.Detail.HITS);
    List<Suggestion> suggestions = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (SearchHit hit : search.search(caller, query).hits()) {
      if (suggestions.size() < LIMIT && titles.add(hit.title())) {
        suggestions.add(new Suggestion(hit.kind(), hit.id(), hit.title()));
      }
    }
    return suggestions;
  }

  /**
   * The text with its last word read as a beginning ({@code Дина Смаи} → {@code Дина Смаи*}),
   * unless it already ends a phrase, a prefix or a word too short to be one.
   */
  static String completing(String text) {
    int last = text.codePointBefore(text.length());
    if (!Character.isLetterOrDigit(last)) {
      return text;
    }
    int start = text.length();
    while (start > 0 && Character.isLetterOrDigit(text.codePointBefore(start))) {
      start -= Character.charCount(text.codePointBefore(start));
    }
    String word = text.substring(start);
    boolean inPhrase = text.chars().filter(c -> c == '"').count() % 2 == 1;
    return inPhrase || word.codePointCount(0, word.length()) < QueryText.MIN_PREFIX ? text : text + "*";
  }
}
