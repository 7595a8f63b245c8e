package org.casebook.generate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The case files of a corpus of {@code records} records under {@code seed}, in order: case file
 * {@code n} is made with {@code Dice.of(seed, n)}, holds 10 to 40 records, and the last one is cut
 * to make the total exact. The same seed and catalogue give the same case files, ids included.
 *
 * <p>Each iteration makes the corpus anew; an iterator is not thread-safe.
 */
final class Corpus implements Iterable<CaseBundle> {
  private final Provisions provisions;
  private final long records;
  private final long seed;

  Corpus(Provisions provisions, long records, long seed) {
    if (records < 1) {
      throw new IllegalArgumentException("a corpus has at least one record, not " + records);
    }
    this.provisions = provisions;
    this.records = records;
    this.seed = seed;
  }

  /** The number of records of a case file of the corpus before the last one is cut to fit. */
  static int caseFileSize(Dice dice) {
    return dice.between(10, 25) + dice.between(0, 15);
  }

  /**
   * The case files in consecutive batches of at least {@code records} records (the last batch may
   * hold fewer), the units the generator writes in one transaction each.
   */
  Iterable<List<CaseBundle>> batches(int records) {
    return () ->
        new Iterator<>() {
          private final Iterator<CaseBundle> bundles = iterator();

          @Override
          public boolean hasNext() {
            return bundles.hasNext();
          }

          @Override
          public List<CaseBundle> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            List<CaseBundle> batch = new ArrayList<>();
            int inBatch = 0;
            while (inBatch < records && bundles.hasNext()) {
              CaseBundle bundle = bundles.next();
              batch.add(bundle);
              inBatch += bundle.records();
            }
            return List.copyOf(batch);
          }
        };
  }

  @Override
  public Iterator<CaseBundle> iterator() {
    CaseMaker maker = new CaseMaker(provisions, new Authorities(seed));
    return new Iterator<>() {
      private long made;
      private long number;

      @Override
      public boolean hasNext() {
        return made < records;
      }

      @Override
      public CaseBundle next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Dice dice = Dice.of(seed, number);
        int size = (int) Math.min(records - made, caseFileSize(dice));
        CaseBundle bundle = maker.make(number, size, dice);
        made += bundle.records();
        number++;
        return bundle;
      }
    };
  }
}
