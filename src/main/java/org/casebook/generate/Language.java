package org.casebook.generate;

/** The two languages the corpus is written in, with their BCP 47 tags. */
enum Language {
  ENGLISH("en"),
  RUSSIAN("ru");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  String tag() {
    return tag;
  }
}
