package org.casebook.bench;

/** What a benchmark query tests, for the figures per category. */
public enum QueryCategory {
  NAME_CYRILLIC("name in Cyrillic"),
  NAME_LATIN("name in Latin"),
  ALIAS("alias or other spelling"),
  PHRASE("phrase from a source"),
  ARTICLE_NUMBER("article number"),
  ARTICLE_PART("article and part"),
  FACETED("word with a filter and facets"),
  DATE_RANGE("word within dates"),
  COMMON_WORD("single common word");

  private final String label;

  QueryCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
