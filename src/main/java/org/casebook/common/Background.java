package org.casebook.common;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** Work handed to a background thread: its threads, and waiting for its result. */
public final class Background {
  private Background() {}

  /** Daemon threads named {@code name}: they never keep the process alive on their own. */
  public static ThreadFactory daemonThreads(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The result of {@code work}, or its failure as it was thrown in the background thread (a
   * checked one wrapped in an {@link IllegalStateException} saying {@code what} failed).
   */
  public static <T> T await(Future<T> work, String what) {
    try {
      return work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(what + " failed", cause);
    }
  }
}
