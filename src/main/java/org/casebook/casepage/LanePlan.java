package org.casebook.casepage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.casebook.dates.PartialDate;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;

/**
 * Where the status changes of one proceeding go on its lane: each change as a mark (a point for a
 * known day, a span for anything coarser or a range, unless the span is too narrow to show beside
 * its marker) on the first track where it overlaps no mark further left, and the phases of the
 * proceeding (pending, on hold) between the changes.
 */
record LanePlan(List<Mark> marks, List<Phase> phases, int trackCount) {
  /** Half the width of a marker, plus a small gap, in pixels. */
  private static final double MARKER_REACH = 8.5;

  /** A span narrower than this would hide under its own marker, so it is drawn as a point. */
  private static final double MIN_SPAN_WIDTH = 2 * MARKER_REACH;

  /** The plan of a lane with nothing to place on it. */
  static final LanePlan EMPTY = new LanePlan(List.of(), List.of(), 1);

  /** What the proceeding is doing between two status changes. */
  enum PhaseKind {
    PENDING,
    ON_HOLD
  }

  /** A stretch of the lane in one phase; {@code ongoing} when no later change ends it. */
  record Phase(PhaseKind kind, double from, double to, boolean ongoing) {}

  /**
   * One status change placed on the lane.
   *
   * @param from the left of the span, or the marker's x for a point
   * @param to the right of the span, or the marker's x for a point
   * @param markerX where the marker's middle goes: the point, the middle of a span, or its known
   *     side when the other side is open or unknown
   * @param span whether the date is drawn as a span: it covers more than one day, and its span is
   *     wider than its marker
   * @param openStart whether the start is open or unknown, so the span runs to the axis start
   * @param openEnd whether the end is open or unknown, so the span runs to the axis end
   * @param approximate whether the date is marked approximate or uncertain
   */
  record Mark(
      StatusChange change,
      StatusCategory category,
      double from,
      double to,
      double markerX,
      boolean span,
      boolean openStart,
      boolean openEnd,
      boolean approximate,
      int track) {

    double reachLeft() {
      return Math.min(from, markerX - MARKER_REACH);
    }

    double reachRight() {
      return Math.max(to, markerX + MARKER_REACH);
    }

    Mark onTrack(int newTrack) {
      return new Mark(
          change, category, from, to, markerX, span, openStart, openEnd, approximate, newTrack);
    }
  }

  /**
   * The plan of {@code proceeding}'s dated changes, in date order; undated changes are left out.
   */
  static LanePlan of(Proceeding proceeding, TimeAxis axis) {
    List<Mark> inDateOrder =
        proceeding.history().stream()
            .filter(change -> change.date() != null)
            .sorted(Comparator.comparing(StatusChange::date))
            .map(change -> place(change, axis))
            .toList();
    List<Mark> onTracks = assignTracks(inDateOrder);
    int trackCount = onTracks.stream().mapToInt(Mark::track).max().orElse(0) + 1;
    return new LanePlan(onTracks, phases(inDateOrder, axis), trackCount);
  }

  private static Mark place(StatusChange change, TimeAxis axis) {
    PartialDate date = change.date();
    StatusCategory category = StatusCategory.of(change.status());
    boolean approximate = date.isApproximate() || date.isUncertain();
    Optional<LocalDate> earliest = date.earliest();
    Optional<LocalDate> latest = date.latest();
    boolean oneDay = earliest.isPresent() && earliest.equals(latest);
    if (oneDay && !date.isInterval() && date.precision() == PartialDate.Precision.DAY) {
      double x = (axis.x(earliest.get()) + axis.xAfter(earliest.get())) / 2;
      return new Mark(change, category, x, x, x, false, false, false, approximate, 0);
    }
    double from = earliest.map(axis::x).orElse(axis.left());
    double to = latest.map(axis::xAfter).orElse(axis.right());
    if (to - from < MIN_SPAN_WIDTH) {
      double middle = (from + to) / 2;
      return new Mark(
          change, category, middle, middle, middle, false, false, false, approximate, 0);
    }
    double markerX;
    if (earliest.isEmpty()) {
      markerX = to;
    } else if (latest.isEmpty()) {
      markerX = from;
    } else {
      markerX = (from + to) / 2;
    }
    return new Mark(
        change,
        category,
        from,
        to,
        markerX,
        true,
        earliest.isEmpty(),
        latest.isEmpty(),
        approximate,
        0);
  }

  /**
   * {@code marks}, in the same order, each on the first track where it overlaps no mark that starts
   * further left.
   */
  private static List<Mark> assignTracks(List<Mark> marks) {
    List<Double> trackEnds = new ArrayList<>();
    Mark[] placed = new Mark[marks.size()];
    List<Integer> leftToRight =
        IntStream.range(0, marks.size())
            .boxed()
            .sorted(Comparator.comparingDouble(index -> marks.get(index).reachLeft()))
            .toList();
    for (int index : leftToRight) {
      Mark mark = marks.get(index);
      int track = 0;
      while (track < trackEnds.size() && trackEnds.get(track) > mark.reachLeft()) {
        track++;
      }
      if (track == trackEnds.size()) {
        trackEnds.add(mark.reachRight());
      } else {
        trackEnds.set(track, mark.reachRight());
      }
      placed[index] = mark.onTrack(track);
    }
    return List.of(placed);
  }

  private static List<Phase> phases(List<Mark> inDateOrder, TimeAxis axis) {
    List<Phase> phases = new ArrayList<>();
    Optional<PhaseKind> current = Optional.empty();
    double since = axis.left();
    for (Mark mark : inDateOrder) {
      Optional<PhaseKind> next = phaseAfter(mark.category(), current);
      if (!next.equals(current)) {
        if (current.isPresent()) {
          phases.add(new Phase(current.get(), since, mark.markerX(), false));
        }
        current = next;
        since = mark.markerX();
      }
    }
    if (current.isPresent()) {
      phases.add(new Phase(current.get(), since, axis.right(), true));
    }
    return phases;
  }

  private static Optional<PhaseKind> phaseAfter(
      StatusCategory category, Optional<PhaseKind> current) {
    return switch (category) {
      case STARTED, OTHER_STEP, DANGER -> Optional.of(PhaseKind.PENDING);
      case PAUSED -> Optional.of(PhaseKind.ON_HOLD);
      case ENDED, CONVICTED -> Optional.empty();
      case DEADLINE -> current.isPresent() ? current : Optional.of(PhaseKind.PENDING);
    };
  }
}
