package org.casebook.casepage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.casebook.dates.PartialDate;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;

/**
 * The shared time axis of the drawing: whole years, from 1 January of the first year any status
 * change could fall in to the end of the last such year, laid over the pixels from {@code left} to
 * {@code right}.
 */
record TimeAxis(int firstYear, int lastYear, double left, double right) {
  private static final double MIN_LABEL_SPACING = 44;
  private static final int[] LABEL_STEPS = {1, 2, 5, 10, 20, 50, 100};

  /** A year label: the text and where its middle goes. */
  record YearLabel(String text, double x) {}

  /**
   * The axis that holds every known day of every status change in {@code proceedings}; empty when
   * no status change has a known day at either end.
   */
  static Optional<TimeAxis> covering(List<Proceeding> proceedings, double left, double right) {
    List<LocalDate> knownDays =
        proceedings.stream()
            .flatMap(proceeding -> proceeding.history().stream())
            .map(StatusChange::date)
            .flatMap(TimeAxis::knownDays)
            .toList();
    Optional<LocalDate> first = knownDays.stream().min(LocalDate::compareTo);
    Optional<LocalDate> last = knownDays.stream().max(LocalDate::compareTo);
    if (first.isEmpty() || last.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TimeAxis(first.get().getYear(), last.get().getYear(), left, right));
  }

  private static Stream<LocalDate> knownDays(PartialDate date) {
    if (date == null) {
      return Stream.empty();
    }
    return Stream.of(date.earliest(), date.latest()).flatMap(Optional::stream);
  }

  /** The x of the start of {@code day}. */
  double x(LocalDate day) {
    double start = LocalDate.of(firstYear, 1, 1).toEpochDay();
    double end = LocalDate.of(lastYear + 1, 1, 1).toEpochDay();
    return left + (day.toEpochDay() - start) / (end - start) * (right - left);
  }

  /** The x of the end of {@code day}, which is the start of the next. */
  double xAfter(LocalDate day) {
    return x(day.plusDays(1));
  }

  /** The x of 1 January of each year after the first: where the year lines go. */
  List<Double> yearBoundaries() {
    List<Double> boundaries = new ArrayList<>();
    for (int year = firstYear + 1; year <= lastYear; year++) {
      boundaries.add(x(LocalDate.of(year, 1, 1)));
    }
    return boundaries;
  }

  /**
   * The year labels: every year in the middle of its span when there is room, otherwise every
   * second, fifth, tenth ... year at its start, so that labels never overlap.
   */
  List<YearLabel> yearLabels() {
    double yearWidth = (right - left) / (lastYear - firstYear + 1);
    int step = labelStep(yearWidth);
    List<YearLabel> labels = new ArrayList<>();
    for (int year = firstYear; year <= lastYear; year++) {
      if (step == 1) {
        double middle = (x(LocalDate.of(year, 1, 1)) + x(LocalDate.of(year + 1, 1, 1))) / 2;
        labels.add(new YearLabel(Integer.toString(year), middle));
      } else if (year % step == 0) {
        labels.add(new YearLabel(Integer.toString(year), x(LocalDate.of(year, 1, 1))));
      }
    }
    return labels;
  }

  private static int labelStep(double yearWidth) {
    for (int step : LABEL_STEPS) {
      if (yearWidth * step >= MIN_LABEL_SPACING) {
        return step;
      }
    }
    return LABEL_STEPS[LABEL_STEPS.length - 1];
  }
}
