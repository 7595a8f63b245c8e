package org.casebook.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.casebook.dates.PartialDate;

/**
 * Dates as sources give them: a day, a month or a year, a range, an approximate or uncertain date,
 * an open-ended one. Each is made from the day something happened and keeps that day inside what
 * it denotes, so that dates made in order stay in order. Stateless.
 */
final class Dates {
  private static final String[] ENGLISH_MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
  };
  private static final String[] RUSSIAN_MONTHS = {
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря"
  };

  private Dates() {}

  /** A day between {@code from} and {@code to}, both included. */
  static LocalDate dayBetween(LocalDate from, LocalDate to, Dice dice) {
    long days = ChronoUnit.DAYS.between(from, to);
    return from.plusDays(days <= 0 ? 0 : dice.nextInt((int) Math.min(Integer.MAX_VALUE, days + 1)));
  }

  /**
   * The date of an event that happened on {@code day}, at every precision sources use: the day
   * (most often), the month, the year, a range of months or days, an approximate or uncertain date,
   * some time in a year, or an open end.
   */
  static PartialDate event(LocalDate day, Dice dice) {
    int draw = dice.nextInt(100);
    String edtf;
    if (draw < 45) {
      edtf = day(day);
    } else if (draw < 67) {
      edtf = month(day);
    } else if (draw < 75) {
      edtf = year(day);
    } else if (draw < 80) {
      edtf = month(day.minusDays(dice.nextInt(90))) + "/" + month(day.plusDays(dice.nextInt(120)));
    } else if (draw < 85) {
      edtf = day(day.minusDays(dice.nextInt(10))) + "/" + day(day.plusDays(dice.nextInt(20)));
    } else if (draw < 90) {
      edtf = (dice.nextBoolean() ? month(day) : year(day)) + "~";
    } else if (draw < 95) {
      edtf = (dice.nextBoolean() ? day(day) : month(day)) + "?";
    } else if (draw < 97) {
      edtf = year(day) + "-XX";
    } else if (draw < 98) {
      edtf = "../" + month(day);
    } else {
      edtf = year(day.minusYears(dice.nextInt(3))) + "/..";
    }
    return PartialDate.parse(edtf);
  }

  /** The date of a step in a proceeding: mostly the day, else the month, year or a doubt. */
  static PartialDate step(LocalDate day, Dice dice) {
    int draw = dice.nextInt(100);
    String edtf;
    if (draw < 62) {
      edtf = day(day);
    } else if (draw < 86) {
      edtf = month(day);
    } else if (draw < 91) {
      edtf = year(day);
    } else if (draw < 96) {
      edtf = day(day) + "?";
    } else {
      edtf = month(day) + "~";
    }
    return PartialDate.parse(edtf);
  }

  /** A date of a document or a birth: the day, the month or the year. */
  static PartialDate plain(LocalDate day, Dice dice) {
    int draw = dice.nextInt(100);
    return PartialDate.parse(draw < 60 ? day(day) : draw < 80 ? month(day) : year(day));
  }

  /** A day in words: {@code 14 March 2021}, {@code 14 марта 2021 года}. */
  static String words(LocalDate day, Language language) {
    return language == Language.RUSSIAN
        ? day.getDayOfMonth() + " " + RUSSIAN_MONTHS[day.getMonthValue() - 1] + " " + day.getYear() + " года"
        : day.getDayOfMonth() + " " + ENGLISH_MONTHS[day.getMonthValue() - 1] + " " + day.getYear();
  }

  private static String day(LocalDate day) {
    return String.format(Locale.ROOT, "%04d-%02d-%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
  }

  private static String month(LocalDate day) {
    return String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue());
  }

  private static String year(LocalDate day) {
    return String.format(Locale.ROOT, "%04d", day.getYear());
  }
}
