package org.casebook.sources;

import java.util.UUID;
import org.casebook.common.CasebookException;

/** A source that has no stored file to download. Maps to 404. */
public class NoStoredFile extends CasebookException {
  private static final long serialVersionUID = 1L;

  private final UUID sourceId;

  public NoStoredFile(UUID sourceId) {
    super("source " + sourceId + " has no stored file");
    this.sourceId = sourceId;
  }

  public UUID sourceId() {
    return sourceId;
  }

  @Override
  public String problemType() {
    return "not-found";
  }

  @Override
  public int httpStatus() {
    return 404;
  }
}
