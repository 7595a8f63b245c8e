package org.casebook.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed in the search box, read into clauses that every result must match (all of
 * them: a search narrows as words are added). Backends turn each clause into their own query; the
 * reading is shared so that both backends understand the same text the same way.
 *
 * <ul>
 *   <li>{@link Phrase}: text in quotes ({@code "..."}, {@code «...»}, {@code “...”}), the words in
 *       that order;
 *   <li>{@link Provision}: a provision of a legal code, as lawyers write it: {@code KZ-CC
 *       274(2)(3)}, {@code 274(2)}, {@code article 274 part 2}, {@code ст. 274 ч. 2}, {@code ч. 2 ст.
 *       274}, {@code статья 274 часть 2 пункт 3};
 *   <li>{@link Prefix}: a word ending in {@code *}, any word that begins so ({@code Смаил*});
 *   <li>{@link Word}: any other word, in any spelling the analysis meets (case, diacritics,
 *       script, inflection), and with one typo in a word of five letters or more.
 * </ul>
 *
 * Nothing in the text is syntax beyond these: no field names, no operators, so nothing typed can
 * reach a field that is not meant to be searched.
 */
public record QueryText(List<Clause> clauses) {
  /** The longest query read, in characters; the rest is ignored. */
  public static final int MAX_LENGTH = 500;
  /** The most clauses read; the rest are ignored. */
  public static final int MAX_CLAUSES = 32;
  /** The shortest prefix a {@link Prefix} clause accepts, in characters, so that a* does not match everything. */
  public static final int MIN_PREFIX = 2;

  /** One condition on the results. */
  public sealed interface Clause permits Word, Prefix, Phrase, Provision {}

  /** A word. */
  public record Word(String text) implements Clause {}

  /** The beginning of a word ({@code text} without the star). */
  public record Prefix(String text) implements Clause {}

  /** Words in this order. */
  public record Phrase(String text) implements Clause {}

  /**
   * A provision: {@code key} as in {@link Citations#key} (matched exactly against a proceeding's
   * charges), and {@code text} as typed (matched as a phrase in running text, such as a source
   * that cites the article).
   */
  public record Provision(String key, String text) implements Clause {}

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|«([^»]*)»|“([^”]*)”|„([^“”]*)[“”]");
  private static final Pattern CITATION =
      Pattern.compile(
          "(?<![\\p{L}\\d-])([A-Za-z]{2}-[A-Za-z]{1,10})\\s+(\\d{1,5}(?:[-.]\\d{1,5})?)"
              + "(?:\\(\\s*([0-9a-z]{1,10})\\s*\\))?(?:\\(\\s*([0-9a-z]{1,10})\\s*\\))?");
  private static final Pattern BARE =
      Pattern.compile(
          "(?<![\\p{L}\\d-])(\\d{1,5}(?:[-.]\\d{1,5})?)\\(\\s*([0-9a-z]{1,10})\\s*\\)(?:\\(\\s*([0-9a-z]{1,10})\\s*\\))?");
  private static final String ARTICLE = "article|art\\.?|статья|статьи|статье|статьёй|статьей|ст\\.?";
  private static final String PART = "part|pt\\.?|часть|части|частью|ч\\.?";
  private static final String CLAUSE = "clause|item|point|paragraph|пункт|пункта|пунктом|п\\.?";
  private static final Pattern COMPONENT =
      Pattern.compile(
          "(?<![\\p{L}\\d])(" + ARTICLE + "|" + PART + "|" + CLAUSE + ")\\s*(\\d{1,5}(?:[-.]\\d{1,5})?|[a-z](?![\\p{L}]))",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern JOINER =
      Pattern.compile("[\\s,]*(?:(?:of|of the|the)\\s+)?[\\s,]*", Pattern.CASE_INSENSITIVE);

  public QueryText {
    clauses = List.copyOf(clauses);
  }

  /** The clauses of {@code text}; none for null or blank text, which then matches everything. */
  public static QueryText parse(String text) {
    if (text == null || text.isBlank()) {
      return new QueryText(List.of());
    }
    String rest = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    List<Clause> clauses = new ArrayList<>();
    StringBuilder unquoted = new StringBuilder();
    Matcher quoted = QUOTED.matcher(rest);
    int at = 0;
    while (quoted.find()) {
      unquoted.append(rest, at, quoted.start()).append(' ');
      at = quoted.end();
      String phrase = firstGroup(quoted).strip();
      if (!phrase.isEmpty()) {
        clauses.add(new Phrase(phrase));
      }
    }
    unquoted.append(rest.substring(at));
    rest = unquoted.toString().replace('"', ' ').replace('«', ' ').replace('»', ' ');
    rest = provisions(rest, clauses);
    for (String word : rest.trim().split("\\s+")) {
      String bare = word.strip();
      if (bare.isEmpty() || bare.equals("*")) {
        continue;
      }
      if (bare.endsWith("*")) {
        String prefix = bare.replaceAll("\\*+$", "");
        clauses.add(prefix.codePointCount(0, prefix.length()) >= MIN_PREFIX ? new Prefix(prefix) : new Word(prefix));
      } else {
        clauses.add(new Word(bare.replace("*", "")));
      }
    }
    return new QueryText(clauses.size() > MAX_CLAUSES ? clauses.subList(0, MAX_CLAUSES) : clauses);
  }

  public boolean isEmpty() {
    return clauses.isEmpty();
  }

  /** Takes the provisions out of {@code text} into {@code clauses}; returns what is left. */
  private static String provisions(String text, List<Clause> clauses) {
    StringBuilder left = new StringBuilder();
    Matcher citation = CITATION.matcher(text);
    int at = 0;
    while (citation.find()) {
      left.append(text, at, citation.start()).append(' ');
      at = citation.end();
      clauses.add(
          new Provision(
              Citations.key(citation.group(1), citation.group(2), citation.group(3), citation.group(3) == null ? null : citation.group(4)),
              citation.group().strip()));
    }
    left.append(text.substring(at));
    text = left.toString();

    left = new StringBuilder();
    Matcher bare = BARE.matcher(text);
    at = 0;
    while (bare.find()) {
      left.append(text, at, bare.start()).append(' ');
      at = bare.end();
      clauses.add(new Provision(Citations.key(null, bare.group(1), bare.group(2), bare.group(3)), bare.group().strip()));
    }
    left.append(text.substring(at));
    return spelledOut(left.toString(), clauses);
  }

  /**
   * Takes out runs of "keyword number" pairs that name an article ("article 274 part 2", "ч. 2 ст.
   * 274"); a run without an article ("part 2") stays as words.
   */
  private static String spelledOut(String text, List<Clause> clauses) {
    StringBuilder left = new StringBuilder();
    Matcher component = COMPONENT.matcher(text);
    int at = 0;
    int runStart = -1;
    int runEnd = -1;
    String article = null;
    String part = null;
    String clause = null;
    while (component.find()) {
      boolean joined = runStart >= 0 && JOINER.matcher(text.substring(runEnd, component.start())).matches();
      if (runStart >= 0 && !joined) {
        at = closeRun(text, left, clauses, at, runStart, runEnd, article, part, clause);
        runStart = -1;
        article = part = clause = null;
      }
      if (runStart < 0) {
        runStart = component.start();
      }
      runEnd = component.end();
      String keyword = component.group(1).toLowerCase(Locale.ROOT);
      String number = component.group(2);
      if (keyword.matches(ARTICLE) && article == null) {
        article = number;
      } else if (keyword.matches(PART) && part == null) {
        part = number;
      } else if (keyword.matches(CLAUSE) && clause == null) {
        clause = number;
      }
    }
    if (runStart >= 0) {
      at = closeRun(text, left, clauses, at, runStart, runEnd, article, part, clause);
    }
    left.append(text.substring(at));
    return left.toString();
  }

  private static int closeRun(
      String text, StringBuilder left, List<Clause> clauses, int at, int runStart, int runEnd,
      String article, String part, String clause) {
    if (article == null || !Character.isDigit(article.charAt(0))) {
      return at;
    }
    left.append(text, at, runStart).append(' ');
    clauses.add(new Provision(Citations.key(null, article, part, part == null ? null : clause), text.substring(runStart, runEnd).strip()));
    return runEnd;
  }

  private static String firstGroup(Matcher matcher) {
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.group(group) != null) {
        return matcher.group(group);
      }
    }
    return "";
  }
}
