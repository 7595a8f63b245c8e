package org.casebook.letters;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J, under loggers named {@code com.openhtmltopdf.<its logger>},
 * so that it follows the application's logging settings (libraries at warn) instead of printing
 * its informational lines through {@code java.util.logging}. PDFBox logs through commons-logging,
 * which finds SLF4J by itself.
 */
final class PdfLogging implements XRLogger {
  private PdfLogging() {}

  /** Installs the bridge; calling it again changes nothing. */
  static synchronized void routeToSlf4j() {
    if (!(XRLog.getLoggerImpl() instanceof PdfLogging)) {
      XRLog.setLoggerImpl(new PdfLogging());
    }
  }

  private static Logger logger(String where) {
    return LoggerFactory.getLogger(where == null || where.isEmpty() ? "com.openhtmltopdf" : where);
  }

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable thrown) {
    Logger logger = logger(where);
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      logger.error(message, thrown);
    } else if (value >= Level.WARNING.intValue()) {
      logger.warn(message, thrown);
    } else if (value >= Level.INFO.intValue()) {
      logger.info(message, thrown);
    } else if (value >= Level.FINE.intValue()) {
      logger.debug(message, thrown);
    } else {
      logger.trace(message, thrown);
    }
  }

  @Override
  public void setLevel(String where, Level level) {
    // The levels are SLF4J's to decide.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = logger(diagnostic.getLogMessageId().getWhere());
    int value = diagnostic.getLevel().intValue();
    if (value >= Level.SEVERE.intValue()) {
      return logger.isErrorEnabled();
    } else if (value >= Level.WARNING.intValue()) {
      return logger.isWarnEnabled();
    } else if (value >= Level.INFO.intValue()) {
      return logger.isInfoEnabled();
    }
    return logger.isDebugEnabled();
  }
}
