package org.casebook.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.casebook.search.Facet;
import org.casebook.search.FacetCount;

/**
 * Counts the facet values of every matching document (the query already holds the trim, so only
 * what the caller may see is counted) and the number of matches. Counting is by ordinal within
 * each segment, and values are looked up once per segment, not per document.
 */
final class FacetCounting implements CollectorManager<FacetCounting.Counter, FacetCounting.Counts> {

  /** The counts of a search: per facet, per value; and the number of matches. */
  record Counts(Map<Facet, Map<String, Long>> values, long matches) {
    /** Every value of every facet, most frequent first, then by value. */
    Map<Facet, List<FacetCount>> sorted() {
      Map<Facet, List<FacetCount>> sorted = new EnumMap<>(Facet.class);
      values.forEach(
          (facet, counts) -> {
            List<FacetCount> list = new ArrayList<>();
            counts.forEach((value, count) -> list.add(new FacetCount(value, count)));
            list.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            if (!list.isEmpty()) {
              sorted.put(facet, list);
            }
          });
      return sorted;
    }
  }

  @Override
  public Counter newCollector() {
    return new Counter();
  }

  @Override
  public Counts reduce(Collection<Counter> counters) {
    Map<Facet, Map<String, Long>> values = new EnumMap<>(Facet.class);
    long matches = 0;
    for (Counter counter : counters) {
      counter.finishSegment();
      matches += counter.matches;
      counter.values.forEach((facet, counts) -> counts.forEach((value, count) -> values.computeIfAbsent(facet, key -> new HashMap<>()).merge(value, count, Long::sum)));
    }
    return new Counts(values, matches);
  }

  /** Counts one slice of segments. */
  static final class Counter extends SimpleCollector {
    private final Map<Facet, Map<String, Long>> values = new EnumMap<>(Facet.class);
    private final Facet[] facets = Facet.values();
    private final SortedSetDocValues[] docValues = new SortedSetDocValues[facets.length];
    private final long[][] ordinalCounts = new long[facets.length][];
    private long matches;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      finishSegment();
      for (int index = 0; index < facets.length; index++) {
        docValues[index] = DocValues.getSortedSet(context.reader(), IndexFields.facetField(facets[index]));
        ordinalCounts[index] = new long[(int) docValues[index].getValueCount()];
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      matches++;
      for (int index = 0; index < facets.length; index++) {
        SortedSetDocValues values = docValues[index];
        if (values.advanceExact(doc)) {
          for (int value = 0; value < values.docValueCount(); value++) {
            ordinalCounts[index][(int) values.nextOrd()]++;
          }
        }
      }
    }

    /** Turns the ordinal counts of the segment just counted into values. */
    void finishSegment() {
      try {
        for (int index = 0; index < facets.length; index++) {
          long[] counts = ordinalCounts[index];
          if (counts == null) {
            continue;
          }
          for (int ordinal = 0; ordinal < counts.length; ordinal++) {
            if (counts[ordinal] > 0) {
              values
                  .computeIfAbsent(facets[index], key -> new HashMap<>())
                  .merge(docValues[index].lookupOrd(ordinal).utf8ToString(), counts[ordinal], Long::sum);
            }
          }
          ordinalCounts[index] = null;
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot read facet values", e);
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
