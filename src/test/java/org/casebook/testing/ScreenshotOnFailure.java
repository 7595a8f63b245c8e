package org.casebook.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * On any failure of a browser test, a screenshot of what the browser showed, named after the test
 * ({@code target/screenshots/failed-<test>.png}); the failure is then rethrown as it was.
 */
public final class ScreenshotOnFailure implements TestExecutionExceptionHandler {
  private final Supplier<Browser> browser;

  /** @param browser the browser of the running test, or null when it has none */
  public ScreenshotOnFailure(Supplier<Browser> browser) {
    this.browser = browser;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    Browser current = browser.get();
    if (current != null) {
      try {
        current.screenshot("failed-" + context.getRequiredTestMethod().getName());
      } catch (RuntimeException noScreenshot) {
        failure.addSuppressed(noScreenshot);
      }
    }
    throw failure;
  }
}
