package org.casebook.proceedings;

import java.util.List;
import java.util.UUID;
import org.casebook.common.Lists;
import org.casebook.dates.PartialDate;

/** One dated step in a proceeding's history: opened, suspect named, suspended, dismissed ... */
public record StatusChange(PartialDate date, String status, String note, List<UUID> sources) {
  public StatusChange {
    sources = Lists.copy(sources);
  }
}
