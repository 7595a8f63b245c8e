package org.casebook.bench;

import org.casebook.common.CasebookException;

/** The benchmark's database holds a corpus of another size than the one asked for. Maps to 409. */
public final class CorpusMismatch extends CasebookException {
  private static final long serialVersionUID = 1L;

  CorpusMismatch(String store, long records, long asked) {
    super(
        store + " holds " + records + " records, not " + asked + "; run the benchmark on an empty database"
            + " (it generates the corpus) or on one generated with --records " + records);
  }

  @Override
  public String problemType() {
    return "corpus-mismatch";
  }

  @Override
  public int httpStatus() {
    return 409;
  }
}
