package org.casebook.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** List helpers for record components. */
public final class Lists {
  private Lists() {}

  /**
   * An unmodifiable copy that keeps null elements (so that validation can name them), or an empty
   * list for null.
   */
  public static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
