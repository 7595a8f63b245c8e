package org.casebook.common;

/** Which page of a list to return. Pages count from 1; sizes are capped at {@link Page#MAX_SIZE}. */
public record PageRequest(int page, int size) {

  public PageRequest {
    if (page < 1) {
      throw new InvalidInput("page", "must be 1 or more, was " + page);
    }
    if (size < 1 || size > Page.MAX_SIZE) {
      throw new InvalidInput("size", "must be from 1 to " + Page.MAX_SIZE + ", was " + size);
    }
  }

  public static PageRequest first() {
    return new PageRequest(1, Page.DEFAULT_SIZE);
  }

  public long offset() {
    return (long) (page - 1) * size;
  }

  public <T> Page<T> of(java.util.List<T> items, long total) {
    return new Page<>(items, page, size, total);
  }
}
