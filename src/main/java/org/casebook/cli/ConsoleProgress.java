package org.casebook.cli;

import java.io.PrintStream;
import org.casebook.transfer.Progress;

/**
 * Draws a job's progress on one line of the terminal once the job has run for more than a moment,
 * so that quick jobs print nothing. Used from one thread.
 */
final class ConsoleProgress implements Progress {
  private static final long QUIET_MILLIS = 700;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private boolean drawn;
  private long lastDraw;

  ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void report(String stage, long done, long total) {
    long now = System.nanoTime();
    long elapsedMillis = (now - started) / 1_000_000;
    if (elapsedMillis < QUIET_MILLIS || (now - lastDraw) < 100_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    drawn = true;
    int percent = total == 0 ? 100 : (int) (done * 100 / total);
    out.print("\r" + stage + " " + done + "/" + total + " (" + percent + "%)   ");
    out.flush();
  }

  /** Ends the progress line, if one was drawn. */
  void finish() {
    if (drawn) {
      out.println();
    }
  }
}
