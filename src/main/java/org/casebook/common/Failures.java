package org.casebook.common;

/** How unexpected failures are written where people other than the caller may read them. */
public final class Failures {
  private static final int FRAMES = 8;

  private Failures() {}

  /**
   * A failure as it may be logged: the classes and places of the failure and its causes, without
   * their messages, which can hold the values of a statement or a request and so personal data.
   */
  public static String withoutMessages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
      text.append(depth == 0 ? "" : "\ncaused by ").append(cause.getClass().getName());
      StackTraceElement[] frames = cause.getStackTrace();
      for (int index = 0; index < Math.min(frames.length, FRAMES); index++) {
        text.append("\n    at ").append(frames[index]);
      }
    }
    return text.toString();
  }
}
