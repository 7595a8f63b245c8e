package org.casebook.transfer;

/** Told how far a long job has got; the command line draws it, the server ignores it. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (stage, done, total) -> {};

  /** {@code done} of {@code total} units of {@code stage} are finished. */
  void report(String stage, long done, long total);
}
