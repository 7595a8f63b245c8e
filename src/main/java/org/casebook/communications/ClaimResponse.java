package org.casebook.communications;

import java.util.List;
import java.util.UUID;
import org.casebook.common.Lists;

/**
 * What one reply says about a claim: its stance, its own words, and the sources on the reply's
 * side (the reply's document, an annex, a court decision it cites).
 */
public record ClaimResponse(UUID reply, Stance stance, String quote, List<UUID> sources) {
  public ClaimResponse {
    sources = Lists.copy(sources);
  }
}
