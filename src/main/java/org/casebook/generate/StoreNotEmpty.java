package org.casebook.generate;

import org.casebook.common.CasebookException;

/** The generator fills only a store without case files, so that a corpus is what its seed makes. Maps to 409. */
public final class StoreNotEmpty extends CasebookException {
  private static final long serialVersionUID = 1L;

  StoreNotEmpty(String store, long caseFiles) {
    super(
        store + " already holds " + caseFiles + " case file" + (caseFiles == 1 ? "" : "s")
            + "; casebook generate fills only an empty store (give another with --data-dir or --db-url)");
  }

  @Override
  public String problemType() {
    return "store-not-empty";
  }

  @Override
  public int httpStatus() {
    return 409;
  }
}
