package org.casebook.casepage;

import static org.casebook.casepage.SvgWriter.number;

/**
 * The colour and the shape of each status category, so that no category is told apart by colour
 * alone: a triangle pointing forward for a start, two bars for a pause, a square for an end, a
 * cross for a conviction, a diamond for danger, an hourglass for a deadline, a circle for any other
 * step. Every colour has a contrast of at least 3:1 against white and the light lane background.
 */
final class MarkStyle {
  static final String PENDING_COLOUR = "#374151";
  static final String MARKER_OUTLINE = "#ffffff";

  /** The height of a date span, in pixels. */
  static final double SPAN_HEIGHT = 13;

  private static final String APPROXIMATE_DASHES = "4 3";

  private MarkStyle() {}

  static String colour(StatusCategory category) {
    return switch (category) {
      case STARTED -> "#1b7f4b";
      case OTHER_STEP -> "#5b6675";
      case PAUSED -> "#b45309";
      case ENDED -> "#1f5fa8";
      case CONVICTED -> "#7b2d8e";
      case DANGER -> "#c62828";
      case DEADLINE -> "#111827";
    };
  }

  /**
   * The SVG path data of the marker of {@code category}, centred on the origin and about 14 pixels
   * across; place it with a {@code translate} transform.
   */
  static String shape(StatusCategory category) {
    return switch (category) {
      case STARTED -> "M-5 -7L7.5 0L-5 7Z";
      case OTHER_STEP -> "M-6 0A6 6 0 1 0 6 0A6 6 0 1 0 -6 0Z";
      case PAUSED -> "M-6 -7H-1.5V7H-6ZM1.5 -7H6V7H1.5Z";
      case ENDED -> "M-6 -6H6V6H-6Z";
      case CONVICTED ->
          "M-7.5 -5L-5 -7.5L0 -2.5L5 -7.5L7.5 -5L2.5 0L7.5 5L5 7.5L0 2.5L-5 7.5L-7.5 5"
              + "L-2.5 0Z";
      case DANGER -> "M0 -8L8 0L0 8L-8 0Z";
      case DEADLINE -> "M-6.5 -7.5H6.5L-6.5 7.5H6.5Z";
    };
  }

  /** Writes the marker of {@code category} centred on ({@code x}, {@code y}). */
  static void drawMarker(SvgWriter svg, StatusCategory category, double x, double y) {
    svg.start("path")
        .attribute("d", shape(category))
        .attribute("transform", "translate(" + number(x) + " " + number(y) + ")")
        .attribute("fill", colour(category))
        .attribute("stroke", MARKER_OUTLINE)
        .attribute("stroke-width", 1.5)
        .attribute("stroke-linejoin", "round")
        .empty();
  }

  /**
   * Writes the line of a phase from {@code from} to {@code to}: solid if pending, dotted on hold.
   */
  static void drawPhase(SvgWriter svg, LanePlan.PhaseKind kind, double from, double to, double y) {
    SvgWriter.Tag line =
        svg.start("line")
            .attribute("x1", from)
            .attribute("y1", y)
            .attribute("x2", to)
            .attribute("y2", y);
    if (kind == LanePlan.PhaseKind.PENDING) {
      line.attribute("stroke", PENDING_COLOUR).attribute("stroke-width", 3).empty();
    } else {
      line.attribute("stroke", colour(StatusCategory.PAUSED))
          .attribute("stroke-width", 4)
          .attribute("stroke-linecap", "round")
          .attribute("stroke-dasharray", "0.1 6")
          .empty();
    }
  }

  /**
   * Writes the bar of a date known only within {@code from} to {@code to}: tinted, outlined in the
   * category's colour, and dashed when the date is approximate or uncertain.
   */
  static void drawSpan(
      SvgWriter svg, String colour, double from, double to, double y, boolean approximate) {
    SvgWriter.Tag bar =
        svg.start("rect")
            .attribute("x", from)
            .attribute("y", y - SPAN_HEIGHT / 2)
            .attribute("width", to - from)
            .attribute("height", SPAN_HEIGHT)
            .attribute("rx", 3)
            .attribute("fill", colour)
            .attribute("fill-opacity", 0.16)
            .attribute("stroke", colour)
            .attribute("stroke-width", 1.5);
    if (approximate) {
      bar.attribute("stroke-dasharray", APPROXIMATE_DASHES);
    }
    bar.empty();
  }

  /** Writes the dashed ring that marks an approximate or uncertain single day. */
  static void drawApproximateRing(SvgWriter svg, String colour, double x, double y) {
    svg.start("circle")
        .attribute("cx", x)
        .attribute("cy", y)
        .attribute("r", 10.5)
        .attribute("fill", "none")
        .attribute("stroke", colour)
        .attribute("stroke-width", 1.5)
        .attribute("stroke-dasharray", APPROXIMATE_DASHES)
        .empty();
  }

  /** Writes a chevron at {@code x} pointing left or right: the span runs on beyond the axis. */
  static void drawOpenEnd(SvgWriter svg, String colour, double x, double y, boolean pointsLeft) {
    double tip = pointsLeft ? x - 4 : x + 4;
    double back = pointsLeft ? x + 2 : x - 2;
    String chevron =
        "M"
            + number(back)
            + " "
            + number(y - 5)
            + "L"
            + number(tip)
            + " "
            + number(y)
            + "L"
            + number(back)
            + " "
            + number(y + 5);
    svg.start("path")
        .attribute("d", chevron)
        .attribute("fill", "none")
        .attribute("stroke", colour)
        .attribute("stroke-width", 2)
        .attribute("stroke-linecap", "round")
        .attribute("stroke-linejoin", "round")
        .empty();
  }
}
