package org.casebook.casepage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The key of the drawing: one entry for each status category, phase and kind of date the drawing
 * actually shows, laid out left to right and wrapped onto as many rows as the width needs.
 */
final class Legend {
  static final double ROW_HEIGHT = 22;
  private static final double FONT_SIZE = 12;
  private static final double GLYPH_WIDTH = 30;
  private static final double ENTRY_GAP = 18;

  /** What one entry shows next to its text. */
  private enum Glyph {
    MARKER,
    PENDING,
    ON_HOLD,
    RANGE,
    APPROXIMATE,
    OPEN_END
  }

  private record Entry(Glyph glyph, StatusCategory category, String text) {
    boolean explainsLinesOrDates() {
      return glyph != Glyph.MARKER;
    }

    double width() {
      return GLYPH_WIDTH + TextFit.width(text, FONT_SIZE) + ENTRY_GAP;
    }
  }

  private final List<Entry> entries;

  private Legend(List<Entry> entries) {
    this.entries = entries;
  }

  /** The legend for what {@code plans} show. */
  static Legend of(List<LanePlan> plans, CasePageText text) {
    Set<StatusCategory> categories = EnumSet.noneOf(StatusCategory.class);
    Set<Glyph> glyphs = EnumSet.noneOf(Glyph.class);
    for (LanePlan plan : plans) {
      for (LanePlan.Mark mark : plan.marks()) {
        categories.add(mark.category());
        addIf(glyphs, mark.span(), Glyph.RANGE);
        addIf(glyphs, mark.approximate(), Glyph.APPROXIMATE);
        addIf(glyphs, mark.openStart() || mark.openEnd(), Glyph.OPEN_END);
      }
      for (LanePlan.Phase phase : plan.phases()) {
        glyphs.add(phase.kind() == LanePlan.PhaseKind.PENDING ? Glyph.PENDING : Glyph.ON_HOLD);
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (StatusCategory category : categories) {
      entries.add(new Entry(Glyph.MARKER, category, text.get("legend." + category.name())));
    }
    addEntry(entries, glyphs, Glyph.PENDING, text.get("legend.pending"));
    addEntry(entries, glyphs, Glyph.ON_HOLD, text.get("legend.onHold"));
    addEntry(entries, glyphs, Glyph.RANGE, text.get("legend.range"));
    addEntry(entries, glyphs, Glyph.APPROXIMATE, text.get("legend.approximate"));
    addEntry(entries, glyphs, Glyph.OPEN_END, text.get("legend.openEnded"));
    return new Legend(entries);
  }

  private static void addIf(Set<Glyph> glyphs, boolean condition, Glyph glyph) {
    if (condition) {
      glyphs.add(glyph);
    }
  }

  private static void addEntry(List<Entry> entries, Set<Glyph> shown, Glyph glyph, String text) {
    if (shown.contains(glyph)) {
      entries.add(new Entry(glyph, StatusCategory.OTHER_STEP, text));
    }
  }

  /** How many rows the legend takes between {@code left} and {@code right}; 0 when empty. */
  int rows(double left, double right) {
    return layout(left, right).stream().mapToInt(Placed::row).max().orElse(-1) + 1;
  }

  /** Writes the legend in rows from {@code top}, between {@code left} and {@code right}. */
  void draw(SvgWriter svg, double left, double right, double top) {
    svg.start("g").attribute("class", "legend").attribute("font-size", FONT_SIZE).open();
    for (Placed placed : layout(left, right)) {
      double middle = top + placed.row() * ROW_HEIGHT + ROW_HEIGHT / 2;
      drawGlyph(svg, placed.entry(), placed.x() + GLYPH_WIDTH / 2 - 2, middle);
      svg.start("text")
          .attribute("x", placed.x() + GLYPH_WIDTH)
          .attribute("y", middle + FONT_SIZE * 0.35)
          .text(placed.entry().text());
    }
    svg.close("g").newLine();
  }

  private record Placed(Entry entry, int row, double x) {}

  /** Lays out the status categories first, then, from a new row, the lines and kinds of date. */
  private List<Placed> layout(double left, double right) {
    List<Placed> placed = new ArrayList<>();
    int row = 0;
    double x = left;
    boolean afterMarkers = false;
    for (Entry entry : entries) {
      boolean firstOfLinesAndDates = entry.explainsLinesOrDates() && !afterMarkers;
      afterMarkers |= entry.explainsLinesOrDates();
      boolean full = x + entry.width() - ENTRY_GAP > right;
      if (x > left && (full || firstOfLinesAndDates)) {
        row++;
        x = left;
      }
      placed.add(new Placed(entry, row, x));
      x += entry.width();
    }
    return placed;
  }

  private static void drawGlyph(SvgWriter svg, Entry entry, double x, double y) {
    String neutral = MarkStyle.colour(StatusCategory.OTHER_STEP);
    switch (entry.glyph()) {
      case MARKER -> MarkStyle.drawMarker(svg, entry.category(), x, y);
      case PENDING -> MarkStyle.drawPhase(svg, LanePlan.PhaseKind.PENDING, x - 10, x + 10, y);
      case ON_HOLD -> MarkStyle.drawPhase(svg, LanePlan.PhaseKind.ON_HOLD, x - 9, x + 9, y);
      case RANGE -> MarkStyle.drawSpan(svg, neutral, x - 11, x + 11, y, false);
      case APPROXIMATE -> MarkStyle.drawSpan(svg, neutral, x - 11, x + 11, y, true);
      case OPEN_END -> {
        MarkStyle.drawSpan(svg, neutral, x - 11, x + 11, y, false);
        MarkStyle.drawOpenEnd(svg, neutral, x + 5, y, false);
      }
    }
  }
}
