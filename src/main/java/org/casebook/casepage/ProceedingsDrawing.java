package org.casebook.casepage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.casebook.proceedings.Proceeding;

/**
 * The picture of a case's proceedings: one lane per proceeding, with its status changes along a
 * time axis shared by all lanes, so that patterns such as "opened, suspended, dismissed, reopened"
 * show at a glance.
 *
 * <p>The result is a self-contained SVG document made on the server: no script, no event handler,
 * no style sheet, no reference to any other resource (the only URI in it is the SVG namespace), and
 * every text from a record escaped. It is 960 units wide with a {@code viewBox}, so it scales down
 * to a phone; its height grows with the lanes. It carries {@code role="img"}, a {@code <title>} and
 * a {@code <desc>} that holds the whole {@link ProceedingsText text alternative}, for screen
 * readers.
 *
 * <p>What it shows of a proceeding is its title and the status, date and category of each status
 * change; notes are never shown. The caller passes only proceedings the reader may see.
 *
 * <p>How dates are drawn: a known day is a marker; a month, a year or a range is a bar over the
 * days it could be, with the marker in its middle (a marker alone when the bar would be narrower
 * than the marker, as a month is over a decade); an open or unknown side runs to the edge of the
 * axis, with a chevron; an approximate or uncertain date is outlined with dashes. Each {@link
 * StatusCategory} has its own colour and shape. Between changes, a solid line shows that the
 * proceeding is pending and a dotted line that it is on hold; after an end, no line.
 */
public final class ProceedingsDrawing {
  /** The width of the drawing, in SVG units. */
  public static final int WIDTH = 960;

  static final String TITLE_ID = "proceedings-drawing-title";
  static final String DESCRIPTION_ID = "proceedings-drawing-desc";

  private static final double MARGIN = 12;
  private static final double TITLE_COLUMN_WIDTH = 224;
  private static final double PLOT_LEFT = MARGIN + TITLE_COLUMN_WIDTH + 14;
  private static final double PLOT_RIGHT = WIDTH - MARGIN - 4;
  private static final double AXIS_ROW_HEIGHT = 24;
  private static final double FONT_SIZE = 13;
  private static final String FONT_FAMILY =
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
  private static final String TEXT_COLOUR = "#1f2937";
  private static final String GRID_COLOUR = "#c4c9d0";

  private ProceedingsDrawing() {}

  /** As {@link #svg(List, Locale, Function)} with the labels of {@link StatusLabels}. */
  public static String svg(List<Proceeding> proceedings, Locale locale) {
    return svg(proceedings, locale, StatusLabels.forLocale(locale));
  }

  /**
   * The drawing of {@code proceedings}, one lane each in the order given, as an SVG document.
   *
   * @param locale the language of the interface text and of the dates: Russian for a Russian
   *     locale, English for any other
   * @param statusLabel the label of a {@code proceeding_status} code in the reader's language, as
   *     from the vocabulary; a null or blank label shows the code itself
   */
  public static String svg(
      List<Proceeding> proceedings, Locale locale, Function<String, String> statusLabel) {
    CasePageText text = CasePageText.of(locale);
    Function<String, String> labels = StatusLabels.orCode(statusLabel);
    Optional<TimeAxis> axis = TimeAxis.covering(proceedings, PLOT_LEFT, PLOT_RIGHT);
    List<LanePlan> plans =
        proceedings.stream()
            .map(proceeding -> axis.map(shared -> LanePlan.of(proceeding, shared)))
            .map(plan -> plan.orElse(LanePlan.EMPTY))
            .toList();
    Legend legend = Legend.of(plans, text);
    double axisTop = MARGIN + legend.rows(MARGIN, WIDTH - MARGIN) * Legend.ROW_HEIGHT + 6;
    double lanesTop = axisTop + AXIS_ROW_HEIGHT;
    double lanesBottom = lanesTop + plans.stream().mapToDouble(LaneDrawer::height).sum();
    double height =
        proceedings.isEmpty() ? lanesTop + 2 * MARGIN : lanesBottom + AXIS_ROW_HEIGHT + MARGIN;

    SvgWriter svg = new SvgWriter();
    openDocument(svg, height, text, description(proceedings, axis, text, labels));
    legend.draw(svg, MARGIN, WIDTH - MARGIN, MARGIN);
    if (proceedings.isEmpty()) {
      svg.start("text")
          .attribute("x", MARGIN)
          .attribute("y", lanesTop)
          .text(text.get("drawing.empty"));
    }
    LaneDrawer lanes = new LaneDrawer(svg, text, labels, MARGIN, TITLE_COLUMN_WIDTH, PLOT_LEFT);
    drawBackgrounds(lanes, plans, lanesTop);
    axis.ifPresent(shared -> drawAxis(svg, shared, axisTop, lanesTop, lanesBottom));
    drawLanes(lanes, proceedings, plans, lanesTop);
    return svg.close("svg").newLine().toString();
  }

  private static void openDocument(
      SvgWriter svg, double height, CasePageText text, String description) {
    svg.start("svg")
        .attribute("xmlns", "http://www.w3.org/2000/svg")
        .attribute("viewBox", "0 0 " + WIDTH + " " + SvgWriter.number(height))
        .attribute("width", WIDTH)
        .attribute("height", height)
        .attribute("role", "img")
        .attribute("aria-labelledby", TITLE_ID + " " + DESCRIPTION_ID)
        .attribute("font-family", FONT_FAMILY)
        .attribute("font-size", FONT_SIZE)
        .attribute("fill", TEXT_COLOUR)
        .open()
        .newLine();
    svg.start("title").attribute("id", TITLE_ID).text(text.get("drawing.title")).newLine();
    svg.start("desc").attribute("id", DESCRIPTION_ID).text(description).newLine();
  }

  private static String description(
      List<Proceeding> proceedings,
      Optional<TimeAxis> axis,
      CasePageText text,
      Function<String, String> labels) {
    if (proceedings.isEmpty()) {
      return text.get("drawing.empty");
    }
    String summary =
        axis.map(
                shared ->
                    text.format(
                        "drawing.summary",
                        proceedings.size(),
                        Integer.toString(shared.firstYear()),
                        Integer.toString(shared.lastYear())))
            .orElseGet(() -> text.format("drawing.summaryUndated", proceedings.size()));
    List<String> lines = ProceedingsText.lines(proceedings, text.locale(), labels);
    return summary + "\n" + String.join("\n", lines);
  }

  private static void drawBackgrounds(LaneDrawer lanes, List<LanePlan> plans, double top) {
    double laneTop = top;
    for (int index = 0; index < plans.size(); index++) {
      double laneHeight = LaneDrawer.height(plans.get(index));
      lanes.drawBackground(index, laneTop, laneHeight, WIDTH);
      laneTop += laneHeight;
    }
  }

  private static void drawLanes(
      LaneDrawer lanes, List<Proceeding> proceedings, List<LanePlan> plans, double top) {
    double laneTop = top;
    for (int index = 0; index < plans.size(); index++) {
      double laneHeight = LaneDrawer.height(plans.get(index));
      lanes.drawLane(proceedings.get(index), plans.get(index), laneTop, laneHeight);
      laneTop += laneHeight;
    }
  }

  private static void drawAxis(
      SvgWriter svg, TimeAxis axis, double axisTop, double lanesTop, double lanesBottom) {
    svg.start("g").attribute("class", "axis").open().newLine();
    for (double x : axis.yearBoundaries()) {
      gridLine(svg, x, lanesTop, lanesBottom, 1);
    }
    gridLine(svg, axis.left(), lanesTop, lanesBottom, 1.5);
    gridLine(svg, axis.right(), lanesTop, lanesBottom, 1.5);
    for (TimeAxis.YearLabel label : axis.yearLabels()) {
      yearLabel(svg, label, axisTop + AXIS_ROW_HEIGHT - 8);
      yearLabel(svg, label, lanesBottom + AXIS_ROW_HEIGHT - 6);
    }
    svg.close("g").newLine();
  }

  private static void gridLine(SvgWriter svg, double x, double top, double bottom, double width) {
    svg.start("line")
        .attribute("x1", x)
        .attribute("y1", top)
        .attribute("x2", x)
        .attribute("y2", bottom)
        .attribute("stroke", GRID_COLOUR)
        .attribute("stroke-width", width)
        .empty();
  }

  private static void yearLabel(SvgWriter svg, TimeAxis.YearLabel label, double baseline) {
    svg.start("text")
        .attribute("x", label.x())
        .attribute("y", baseline)
        .attribute("text-anchor", "middle")
        .attribute("font-weight", "600")
        .text(label.text());
  }
}
