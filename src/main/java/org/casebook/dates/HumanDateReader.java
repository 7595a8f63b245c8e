package org.casebook.dates;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casebook.dates.Vocabulary.Season;
import org.casebook.dates.Vocabulary.VaguePart;

/**
 * Reads a whole date typed in the words of one language, after {@link InputText#normalize}: a
 * single date, an interval with an open or unknown side, or a season. The result is EDTF; it is
 * empty when the text is not in this language's words, so that the other language can be tried.
 * Text that is understood but cannot be recorded, such as "early 2019", is refused at once.
 */
final class HumanDateReader {

  private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");
  private static final Pattern TWO_YEARS =
      Pattern.compile("([0-9]{4})(?:/| " + InputText.DASH + " )([0-9]{4})");
  private static final String OPEN = "..";
  private static final String UNKNOWN = "";

  private final Vocabulary vocabulary;
  private final RefusalMessages messages;
  private final DateSideReader sides;

  HumanDateReader(Vocabulary vocabulary, RefusalMessages messages) {
    this.vocabulary = vocabulary;
    this.messages = messages;
    this.sides = new DateSideReader(vocabulary, messages);
  }

  /** The EDTF for normalized text, or empty if it is not in this language's words. */
  Optional<String> read(String normalized) {
    String text = withoutFillers(normalized);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    refuseVagueParts(text);
    return readSeason(text).or(() -> readDateOrInterval(text));
  }

  private String withoutFillers(String text) {
    return Arrays.stream(text.split(" "))
        .filter(word -> !vocabulary.fillers().contains(word))
        .collect(Collectors.joining(" "));
  }

  private Optional<String> readDateOrInterval(String text) {
    String qualifiers = leadingQualifiers(text);
    String rest = text.substring(qualifiers.length());
    Optional<String> afterBetween = InputText.after(rest, vocabulary.between());
    if (afterBetween.isPresent()) {
      return split(afterBetween.get(), List.of(vocabulary.betweenAnd()))
          .flatMap(interval -> interval(qualifiers + interval.start(), interval.end()));
    }
    Optional<String> afterOpenStart = firstAfter(rest, vocabulary.openStartWords());
    if (afterOpenStart.isPresent()) {
      // "примерно до 2020": words before "before" qualify the end, as nothing else is dated.
      return sides
          .readQualified(qualifiers + afterOpenStart.get())
          .flatMap(end -> joined(OPEN, end));
    }
    Optional<String> afterStart = firstAfter(rest, vocabulary.startWords());
    if (afterStart.isPresent()) {
      String startAndEnd = qualifiers + afterStart.get();
      return split(startAndEnd, vocabulary.separators())
          .map(interval -> interval(interval.start(), interval.end()))
          .orElseGet(() -> readStart(startAndEnd).flatMap(start -> joined(start, OPEN)));
    }
    return split(text, vocabulary.separators())
        .map(interval -> interval(interval.start(), interval.end()))
        .orElseGet(() -> sides.readQualified(text));
  }

  /** The start and end of an interval as typed, before they are read. */
  private record Interval(String start, String end) {}

  /**
   * Splits at the first separator. Qualifying words just before the separator belong to the end, as
   * in "с 2019 примерно по 2020".
   */
  private Optional<Interval> split(String text, List<String> separators) {
    int position = -1;
    String separator = null;
    for (String candidate : separators) {
      int found = text.indexOf(" " + candidate + " ");
      if (found >= 0 && (position < 0 || found < position)) {
        position = found;
        separator = candidate;
      }
    }
    if (separator == null) {
      return Optional.empty();
    }
    String start = text.substring(0, position);
    String end = text.substring(position + separator.length() + 2);
    for (Optional<String> moved = lastQualifier(start);
        moved.isPresent();
        moved = lastQualifier(start)) {
      start = InputText.before(start, moved.get()).orElseThrow();
      end = moved.get() + " " + end;
    }
    return Optional.of(new Interval(start, end));
  }

  private Optional<String> lastQualifier(String text) {
    return vocabulary.qualifyingPrefixes().stream()
        .filter(word -> InputText.before(text, word).isPresent())
        .findFirst();
  }

  private String leadingQualifiers(String text) {
    String rest = text;
    for (Optional<String> shorter = firstAfter(rest, vocabulary.qualifyingPrefixes());
        shorter.isPresent();
        shorter = firstAfter(rest, vocabulary.qualifyingPrefixes())) {
      rest = shorter.get();
    }
    return text.substring(0, text.length() - rest.length());
  }

  private Optional<String> interval(String startText, String endText) {
    Optional<String> start = readStart(startText).or(() -> readStartSharingEnd(startText, endText));
    Optional<String> end = readEnd(endText);
    return start.isPresent() && end.isPresent() ? joined(start.get(), end.get()) : Optional.empty();
  }

  private Optional<String> readStart(String text) {
    return vocabulary.unknownSides().contains(text)
        ? Optional.of(UNKNOWN)
        : sides.readQualified(text);
  }

  /**
   * A start that leaves out what it shares with the end, as in "February to March 2024" or "3–5
   * February 2017": completed with the end's year, or its month and year. Only an end that finishes
   * with its year lends words, so that its qualifiers are never copied to the start.
   */
  private Optional<String> readStartSharingEnd(String startText, String endText) {
    List<String> endWords = List.of(endText.split(" "));
    boolean endsWithYear = FOUR_DIGITS.matcher(endWords.get(endWords.size() - 1)).matches();
    if (FOUR_DIGITS.matcher(startText).find() || !endsWithYear) {
      return Optional.empty();
    }
    for (int shared = 1; shared <= Math.min(2, endWords.size()); shared++) {
      List<String> sharedWords = endWords.subList(endWords.size() - shared, endWords.size());
      Optional<String> start = sides.readQualified(startText + " " + String.join(" ", sharedWords));
      if (start.isPresent()) {
        return start;
      }
    }
    return Optional.empty();
  }

  private Optional<String> readEnd(String text) {
    if (vocabulary.ongoingEnds().contains(text)) {
      return Optional.of(OPEN);
    }
    return readStart(text);
  }

  private Optional<String> joined(String start, String end) {
    boolean startDated = !start.equals(OPEN) && !start.equals(UNKNOWN);
    boolean endDated = !end.equals(OPEN) && !end.equals(UNKNOWN);
    if (!startDated && !endDated) {
      return Optional.empty();
    }
    if (startDated && endDated) {
      LocalDate startsOn = PartialDate.parse(start).earliest().orElseThrow();
      LocalDate endsOn = PartialDate.parse(end).latest().orElseThrow();
      if (startsOn.isAfter(endsOn)) {
        throw messages.startAfterEnd(start, end);
      }
    }
    return Optional.of(start + "/" + end);
  }

  private void refuseVagueParts(String text) {
    List<String> words = List.of(text.split(" "));
    Optional<VaguePart> part =
        words.stream().map(vocabulary.vagueParts()::get).filter(Objects::nonNull).findFirst();
    if (part.isEmpty()) {
      return;
    }
    String rest =
        words.stream()
            .filter(word -> !vocabulary.vagueParts().containsKey(word))
            .collect(Collectors.joining(" "));
    Optional<PartialDate> whole =
        sides.readUnqualified(rest).or(() -> firstYear(text)).map(PartialDate::parse);
    if (whole.isPresent()) {
      throw messages.vaguePart(
          VagueParts.suggestedRange(whole.get(), part.get()), VagueParts.wholePeriod(whole.get()));
    }
  }

  private static Optional<String> firstYear(String text) {
    Matcher year = FOUR_DIGITS.matcher(text);
    return year.find() ? Optional.of(year.group()) : Optional.empty();
  }

  /**
   * "Summer 2019" as June to August 2019. Winter needs both years, "winter 2019/2020", because
   * "winter 2019" is said both of the winter that ends in 2019 and of the one that begins in it.
   */
  private Optional<String> readSeason(String text) {
    String[] seasonAndYears = text.split(" ", 2);
    Season season = vocabulary.seasons().get(seasonAndYears[0]);
    if (season == null || seasonAndYears.length < 2) {
      return Optional.empty();
    }
    String years = seasonAndYears[1];
    if (FOUR_DIGITS.matcher(years).matches()) {
      int year = Integer.parseInt(years);
      if (season.endsInNextYear()) {
        throw messages.ambiguousWinter(year);
      }
      return Optional.of(monthRange(year, season.firstMonth(), year, season.lastMonth()));
    }
    Matcher twoYears = TWO_YEARS.matcher(years);
    if (!twoYears.matches() || !season.endsInNextYear()) {
      return Optional.empty();
    }
    int firstYear = Integer.parseInt(twoYears.group(1));
    if (Integer.parseInt(twoYears.group(2)) != firstYear + 1) {
      return Optional.empty();
    }
    return Optional.of(
        monthRange(firstYear, season.firstMonth(), firstYear + 1, season.lastMonth()));
  }

  private static String monthRange(int startYear, int startMonth, int endYear, int endMonth) {
    return String.format(
        Locale.ROOT, "%04d-%02d/%04d-%02d", startYear, startMonth, endYear, endMonth);
  }

  private static Optional<String> firstAfter(String text, List<String> phrases) {
    return phrases.stream()
        .map(phrase -> InputText.after(text, phrase))
        .flatMap(Optional::stream)
        .findFirst();
  }
}
