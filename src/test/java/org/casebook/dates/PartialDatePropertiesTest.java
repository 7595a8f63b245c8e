package org.casebook.dates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of {@link PartialDate} over generated dates of every shape. Years cluster around 2000 so
 * that dates often share a start day or are equal, which is where ordering rules can break.
 *
 * <p>When a property fails, jqwik prints the seed of the run. To replay exactly that run, copy it
 * into the property, e.g. {@code @Property(seed = "-8187431093276254512")}, and remove it again
 * once the failure is fixed.
 */
class PartialDatePropertiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private enum Form {
    CENTURY,
    DECADE,
    YEAR,
    YEAR_UNSPECIFIED_MONTH,
    YEAR_UNSPECIFIED_MONTH_AND_DAY,
    MONTH,
    MONTH_UNSPECIFIED_DAY,
    DAY
  }

  /** How a related date is built from a shared start and end; see {@link #relatedDates()}. */
  private enum Structure {
    SINGLE,
    CLOSED,
    SAME_START_AND_END,
    OPEN_START,
    UNKNOWN_START,
    OPEN_END,
    UNKNOWN_END
  }

  @Provide
  Arbitrary<PartialDate> partialDates() {
    Arbitrary<String> singleDates = qualified(unqualifiedDateTexts());
    Arbitrary<PartialDate> closedIntervals =
        Combinators.combine(singleDates, singleDates).as(PartialDatePropertiesTest::closedInterval);
    Arbitrary<PartialDate> halfIntervals =
        Combinators.combine(singleDates, Arbitraries.of("..", ""), Arbitraries.of(true, false))
            .as(
                (date, otherSide, dateFirst) ->
                    PartialDate.parse(dateFirst ? date + "/" + otherSide : otherSide + "/" + date));
    return Arbitraries.oneOf(singleDates.map(PartialDate::parse), closedIntervals, halfIntervals);
  }

  /**
   * Three dates, either unrelated or built from one shared start and end text so that they differ
   * only in structure and qualifiers; the latter exercise every tie-breaker of the order.
   */
  @Provide
  Arbitrary<List<PartialDate>> relatedDates() {
    Arbitrary<String> dates = unqualifiedDateTexts();
    Arbitrary<List<PartialDate>> sharingStartAndEnd =
        Combinators.combine(dates, dates)
            .flatAs(
                (one, other) -> {
                  boolean oneCanComeFirst = canComeFirst(one, other);
                  String start = oneCanComeFirst ? one : other;
                  String end = oneCanComeFirst ? other : one;
                  return variantOf(start, end).list().ofSize(3);
                });
    return Arbitraries.oneOf(partialDates().list().ofSize(3), sharingStartAndEnd);
  }

  private static Arbitrary<PartialDate> variantOf(String start, String end) {
    return Combinators.combine(Arbitraries.of(Structure.class), qualifiers(), qualifiers())
        .as(
            (structure, startQualifier, endQualifier) -> {
              String qualifiedStart = start + startQualifier;
              String qualifiedEnd = end + endQualifier;
              String text =
                  switch (structure) {
                    case SINGLE -> qualifiedStart;
                    case CLOSED -> qualifiedStart + "/" + qualifiedEnd;
                    case SAME_START_AND_END -> qualifiedStart + "/" + start + endQualifier;
                    case OPEN_START -> "../" + qualifiedEnd;
                    case UNKNOWN_START -> "/" + qualifiedEnd;
                    case OPEN_END -> qualifiedStart + "/..";
                    case UNKNOWN_END -> qualifiedStart + "/";
                  };
              return PartialDate.parse(text);
            });
  }

  private static Arbitrary<String> qualified(Arbitrary<String> dates) {
    return Combinators.combine(dates, qualifiers()).as(String::concat);
  }

  private static Arbitrary<String> qualifiers() {
    return Arbitraries.of("", "~", "?", "%");
  }

  private static Arbitrary<String> unqualifiedDateTexts() {
    Arbitrary<Integer> years =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(1999, 2001)),
            Tuple.of(1, Arbitraries.integers().between(0, 9999)));
    return Combinators.combine(
            years,
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 31),
            Arbitraries.of(Form.class))
        .as(PartialDatePropertiesTest::edtf);
  }

  private static String edtf(int year, int month, int day, Form form) {
    int dayInMonth = Math.min(day, YearMonth.of(year, month).lengthOfMonth());
    return switch (form) {
      case CENTURY -> String.format(Locale.ROOT, "%02dXX", year / 100);
      case DECADE -> String.format(Locale.ROOT, "%03dX", year / 10);
      case YEAR -> String.format(Locale.ROOT, "%04d", year);
      case YEAR_UNSPECIFIED_MONTH -> String.format(Locale.ROOT, "%04d-XX", year);
      case YEAR_UNSPECIFIED_MONTH_AND_DAY -> String.format(Locale.ROOT, "%04d-XX-XX", year);
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, month);
      case MONTH_UNSPECIFIED_DAY -> String.format(Locale.ROOT, "%04d-%02d-XX", year, month);
      case DAY -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, dayInMonth);
    };
  }

  private static PartialDate closedInterval(String oneDate, String otherDate) {
    return PartialDate.parse(
        canComeFirst(oneDate, otherDate) ? oneDate + "/" + otherDate : otherDate + "/" + oneDate);
  }

  private static boolean canComeFirst(String oneDate, String otherDate) {
    LocalDate oneStarts = PartialDate.parse(oneDate).earliest().orElseThrow();
    LocalDate otherEnds = PartialDate.parse(otherDate).latest().orElseThrow();
    return !oneStarts.isAfter(otherEnds);
  }

  @Property
  void canonicalTextReadsBackAsTheSameDate(@ForAll("partialDates") PartialDate date) {
    PartialDate reread = PartialDate.parse(date.toEdtf());

    assertThat(reread).isEqualTo(date).hasSameHashCodeAs(date);
    assertThat(reread.compareTo(date)).isZero();
  }

  @Property
  void jsonReadsBackAsTheSameDate(@ForAll("partialDates") PartialDate date) throws Exception {
    assertThat(JSON.readValue(JSON.writeValueAsString(date), PartialDate.class)).isEqualTo(date);
  }

  @Property
  void compareToIsAntisymmetric(@ForAll("relatedDates") List<PartialDate> dates) {
    PartialDate one = dates.get(0);
    PartialDate other = dates.get(1);

    assertThat(Integer.signum(one.compareTo(other)))
        .isEqualTo(-Integer.signum(other.compareTo(one)));
  }

  @Property
  void compareToIsTransitive(@ForAll("relatedDates") List<PartialDate> dates) {
    List<PartialDate> sorted = new ArrayList<>(dates);
    sorted.sort(null);

    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        assertThat(sorted.get(i).compareTo(sorted.get(j))).isNotPositive();
      }
    }
  }

  @Property
  void compareToIsConsistentWithEquals(@ForAll("relatedDates") List<PartialDate> dates) {
    PartialDate one = dates.get(0);
    PartialDate other = dates.get(1);

    assertThat(one.compareTo(other) == 0).isEqualTo(one.equals(other));
    if (one.equals(other)) {
      assertThat(one.hashCode()).isEqualTo(other.hashCode());
    }
  }

  @Property
  void sortKeyOrderIsCompareToOrder(@ForAll("relatedDates") List<PartialDate> dates) {
    PartialDate one = dates.get(0);
    PartialDate other = dates.get(1);

    assertThat(one.sortKey()).matches("[0-9]{23}");
    assertThat(Integer.signum(one.sortKey().compareTo(other.sortKey())))
        .isEqualTo(Integer.signum(one.compareTo(other)));
  }

  @Property
  void earliestIsNotAfterLatest(@ForAll("partialDates") PartialDate date) {
    if (date.earliest().isPresent() && date.latest().isPresent()) {
      assertThat(date.earliest().get()).isBeforeOrEqualTo(date.latest().get());
    }
  }

  @Property
  void yearSortsBeforeItsMonthsAndMonthBeforeItsDays(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 31) int day) {
    PartialDate wholeYear = PartialDate.parse(edtf(year, month, day, Form.YEAR));
    PartialDate wholeMonth = PartialDate.parse(edtf(year, month, day, Form.MONTH));
    PartialDate oneDay = PartialDate.parse(edtf(year, month, day, Form.DAY));

    assertThat(wholeYear).isLessThan(wholeMonth);
    assertThat(wholeMonth).isLessThan(oneDay);
  }
}
