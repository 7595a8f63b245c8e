package org.casebook.search;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.casebook.common.Checks;
import org.casebook.common.CasebookException;
import org.casebook.common.InvalidInput;
import org.casebook.dates.PartialDate;

/**
 * Reads a {@link SearchQuery} from request parameters, the same for the API and the search page:
 * {@code q}, a filter per facet ({@code kind}, {@code country}, {@code year}, {@code event_type},
 * {@code status}, {@code provision}: repeated or comma-separated values, any of which may match),
 * {@code from} and {@code to} (partial dates), {@code sort} ({@code relevance} or {@code date}),
 * {@code page} and {@code size}. Every bad value is reported at once, naming its parameter.
 */
public final class SearchParameters {
  /** Every parameter, for the API description. */
  public static final List<String> NAMES =
      List.of("q", "kind", "country", "year", "event_type", "status", "provision", "from", "to", "sort", "page", "size");

  private SearchParameters() {}

  /**
   * The query of {@code parameters} (each name with its values); {@code dates} reads a date as
   * typed (EDTF in the API, people's words on the page) and throws a {@link CasebookException}
   * with a message for a bad one.
   *
   * @throws InvalidInput naming every bad parameter
   */
  public static SearchQuery read(Map<String, List<String>> parameters, Function<String, PartialDate> dates, int defaultSize) {
    Checks checks = new Checks();
    Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      Set<String> values = new LinkedHashSet<>();
      for (String value : parameters.getOrDefault(facet.parameter(), List.of())) {
        for (String part : value.split(",")) {
          if (!part.isBlank()) {
            values.add(normalised(facet, part.trim()));
          }
        }
      }
      if (facet == Facet.KIND) {
        values.stream()
            .filter(value -> RecordKind.byCode(value).isEmpty())
            .forEach(value -> checks.add("kind", "\"" + value + "\" is not a kind of record; expected one of " + String.join(", ", SearchService.kinds().stream().map(RecordKind::code).toList())));
      }
      if (facet == Facet.YEAR) {
        values.stream()
            .filter(value -> !value.matches("[0-9]{1,4}"))
            .forEach(value -> checks.add("year", "\"" + value + "\" is not a year; expected four digits, such as 2016"));
      }
      filters.put(facet, values);
    }
    PartialDate from = date("from", first(parameters, "from"), dates, checks);
    PartialDate to = date("to", first(parameters, "to"), dates, checks);
    SortOrder sort = SortOrder.RELEVANCE;
    String sortText = first(parameters, "sort");
    if (sortText != null && !sortText.isBlank()) {
      switch (sortText.trim()) {
        case "relevance" -> sort = SortOrder.RELEVANCE;
        case "date" -> sort = SortOrder.DATE;
        default -> checks.add("sort", "\"" + sortText + "\" is not an order; expected relevance or date");
      }
    }
    int page = number("page", first(parameters, "page"), 1, checks);
    int size = number("size", first(parameters, "size"), defaultSize, checks);
    checks.throwIfAny();
    return new SearchQuery(first(parameters, "q"), filters, from, to, sort, page, size);
  }

  /** Country codes in capitals, record kinds in small letters; other values as given. */
  private static String normalised(Facet facet, String value) {
    return switch (facet) {
      case COUNTRY -> value.toUpperCase(Locale.ROOT);
      case KIND -> value.toLowerCase(Locale.ROOT);
      default -> value;
    };
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.getOrDefault(name, List.of());
    return values.isEmpty() ? null : values.get(0);
  }

  private static PartialDate date(String name, String text, Function<String, PartialDate> dates, Checks checks) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return dates.apply(text.trim());
    } catch (InvalidInput e) {
      checks.add(name, e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
      return null;
    } catch (CasebookException | IllegalArgumentException e) {
      checks.add(name, e.getMessage());
      return null;
    }
  }

  private static int number(String name, String text, int fallback, Checks checks) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      checks.add(name, "\"" + text + "\" is not a whole number");
      return fallback;
    }
  }
}
