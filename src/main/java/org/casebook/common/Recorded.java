package org.casebook.common;

import java.util.UUID;

/** What every record type has in common, for code that handles records of any kind. */
public interface Recorded {
  UUID id();

  Confidentiality confidentiality();
}
