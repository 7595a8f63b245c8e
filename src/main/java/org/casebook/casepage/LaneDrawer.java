package org.casebook.casepage;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.casebook.proceedings.Proceeding;

/** Draws the lanes of the drawing: one band per proceeding, its title on the left. */
final class LaneDrawer {
  static final double TRACK_HEIGHT = 20;
  private static final double MIN_LANE_HEIGHT = 56;
  private static final double LANE_PADDING = 10;
  private static final double TITLE_FONT_SIZE = 13;
  private static final double TITLE_LINE_HEIGHT = 15;
  private static final int TITLE_MAX_LINES = 3;
  private static final String STRIPE = "#f3f4f6";
  private static final String MUTED_TEXT = "#4b5563";

  private final SvgWriter svg;
  private final CasePageText text;
  private final Function<String, String> statusLabel;
  private final double titleLeft;
  private final double titleWidth;
  private final double plotLeft;

  LaneDrawer(
      SvgWriter svg,
      CasePageText text,
      Function<String, String> statusLabel,
      double titleLeft,
      double titleWidth,
      double plotLeft) {
    this.svg = svg;
    this.text = text;
    this.statusLabel = statusLabel;
    this.titleLeft = titleLeft;
    this.titleWidth = titleWidth;
    this.plotLeft = plotLeft;
  }

  /** The height of a lane that holds {@code plan}. */
  static double height(LanePlan plan) {
    return Math.max(MIN_LANE_HEIGHT, 2 * LANE_PADDING + plan.trackCount() * TRACK_HEIGHT);
  }

  /** Writes the background of a lane; every second lane is shaded to guide the eye. */
  void drawBackground(int index, double top, double height, double width) {
    svg.start("rect")
        .attribute("x", 0)
        .attribute("y", top)
        .attribute("width", width)
        .attribute("height", height)
        .attribute("fill", index % 2 == 0 ? STRIPE : "#ffffff")
        .empty();
  }

  /** Writes the lane of {@code proceeding}: its title, phases and status changes. */
  void drawLane(Proceeding proceeding, LanePlan plan, double top, double height) {
    String title = ProceedingsText.title(proceeding);
    svg.start("g").attribute("class", "lane").open().newLine();
    svg.start("title").text(title);
    drawTitle(title, top + height / 2);
    double firstTrackY = top + (height - plan.trackCount() * TRACK_HEIGHT) / 2 + TRACK_HEIGHT / 2;
    if (plan.marks().isEmpty()) {
      svg.start("text")
          .attribute("x", plotLeft + 8)
          .attribute("y", firstTrackY + 4)
          .attribute("fill", MUTED_TEXT)
          .attribute("font-style", "italic")
          .text(text.get("drawing.noStatus"));
    }
    for (LanePlan.Phase phase : plan.phases()) {
      MarkStyle.drawPhase(svg, phase.kind(), phase.from(), phase.to(), firstTrackY);
    }
    for (LanePlan.Mark mark : plan.marks()) {
      drawMark(mark, firstTrackY + mark.track() * TRACK_HEIGHT);
    }
    svg.close("g").newLine();
  }

  private void drawTitle(String title, double middle) {
    List<String> lines = TextFit.wrap(title, titleWidth, TITLE_FONT_SIZE, TITLE_MAX_LINES);
    double firstBaseline =
        middle - (lines.size() - 1) * TITLE_LINE_HEIGHT / 2 + TITLE_FONT_SIZE * 0.35;
    svg.start("text").attribute("x", titleLeft).attribute("y", firstBaseline).open();
    for (int index = 0; index < lines.size(); index++) {
      svg.start("tspan")
          .attribute("x", titleLeft)
          .attribute("dy", index == 0 ? 0 : TITLE_LINE_HEIGHT)
          .text(lines.get(index));
    }
    svg.close("text");
  }

  private void drawMark(LanePlan.Mark mark, double y) {
    String colour = MarkStyle.colour(mark.category());
    String classes =
        "mark " + cssName(mark.category()) + (mark.approximate() ? " approximate" : "");
    svg.start("g").attribute("class", classes).open();
    svg.start("title")
        .text(
            text.format(
                "drawing.mark",
                statusLabel.apply(mark.change().status()),
                mark.change().date().format(text.locale())));
    if (mark.span()) {
      MarkStyle.drawSpan(svg, colour, mark.from(), mark.to(), y, mark.approximate());
      if (mark.openStart()) {
        MarkStyle.drawOpenEnd(svg, colour, mark.from() + 5, y, true);
      }
      if (mark.openEnd()) {
        MarkStyle.drawOpenEnd(svg, colour, mark.to() - 5, y, false);
      }
    } else if (mark.approximate()) {
      MarkStyle.drawApproximateRing(svg, colour, mark.markerX(), y);
    }
    MarkStyle.drawMarker(svg, mark.category(), mark.markerX(), y);
    svg.close("g").newLine();
  }

  /** The category as a CSS class name: {@code OTHER_STEP} becomes {@code other-step}. */
  static String cssName(StatusCategory category) {
    return category.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
