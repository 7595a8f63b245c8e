package org.casebook.generate;

/**
 * Where a person's name comes from: which lists of name parts it is made from, and the language tag
 * of its Cyrillic spelling. A Kazakh name keeps its Kazakh letters ({@code Қайрат}); the Latin
 * spellings fold them.
 */
enum NameCulture {
  RUSSIAN("ru", "ru"),
  KAZAKH("kz", "kk"),
  KYRGYZ("kg", "ky"),
  BELARUSIAN("by", "be"),
  ENGLISH("en", "en");

  private final String lists;
  private final String cyrillicTag;

  NameCulture(String lists, String cyrillicTag) {
    this.lists = lists;
    this.cyrillicTag = cyrillicTag;
  }

  /** The name-part list of this culture, such as {@code kz-female} or {@code kz-surname}. */
  String list(String part) {
    return lists + "-" + part;
  }

  String cyrillicTag() {
    return cyrillicTag;
  }
}
