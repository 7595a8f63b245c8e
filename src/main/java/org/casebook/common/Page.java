package org.casebook.common;

import java.util.List;

/** One page of a list: the items, which page (from 1), its size, and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;
}
