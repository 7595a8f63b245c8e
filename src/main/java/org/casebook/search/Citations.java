package org.casebook.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.casebook.catalogue.Citation;

/**
 * How a charge is found: the exact keys a {@link QueryText.Provision} clause is matched against,
 * and the words a charge is written in, in English and Russian, so that "274", "article 274 part
 * 2", "статья 274 часть 2" and "ч. 2 ст. 274" all find a proceeding charged under {@code KZ-CC
 * 274(2)(3)}.
 */
public final class Citations {
  private Citations() {}

  /**
   * Every key of a charge, lower-case: the article, with its part, with its clause, each alone
   * and after the code: {@code 274}, {@code 274(2)}, {@code 274(2)(3)}, {@code kz-cc 274} ...
   */
  public static Set<String> keys(Citation citation) {
    Set<String> keys = new LinkedHashSet<>();
    String article = citation.article();
    keys.add(key(null, article, null, null));
    if (citation.part() != null) {
      keys.add(key(null, article, citation.part(), null));
      if (citation.clause() != null) {
        keys.add(key(null, article, citation.part(), citation.clause()));
      }
    }
    for (String bare : Set.copyOf(keys)) {
      keys.add(citation.code().toLowerCase(Locale.ROOT) + " " + bare);
    }
    return keys;
  }

  /** The key of a provision as a query names it: code (or null), article, part and clause (or null). */
  public static String key(String code, String article, String part, String clause) {
    StringBuilder key = new StringBuilder();
    if (code != null) {
      key.append(code.toLowerCase(Locale.ROOT)).append(' ');
    }
    key.append(article.toLowerCase(Locale.ROOT));
    if (part != null) {
      key.append('(').append(part.toLowerCase(Locale.ROOT)).append(')');
      if (clause != null) {
        key.append('(').append(clause.toLowerCase(Locale.ROOT)).append(')');
      }
    }
    return key.toString();
  }

  /** A charge in words, for the {@code charges} text: "KZ-CC 274(2)(3) article 274 part 2 clause 3 статья 274 часть 2 пункт 3". */
  public static String words(Citation citation) {
    StringBuilder english = new StringBuilder("article ").append(citation.article());
    StringBuilder russian = new StringBuilder("статья ").append(citation.article());
    if (citation.part() != null) {
      english.append(" part ").append(citation.part());
      russian.append(" часть ").append(citation.part());
    }
    if (citation.clause() != null) {
      english.append(" clause ").append(citation.clause());
      russian.append(" пункт ").append(citation.clause());
    }
    return citation + " " + english + " " + russian;
  }

  /** The facet value of a charge: the article's citation without part, such as {@code KZ-CC 274}. */
  public static String facetValue(Citation citation) {
    return citation.code() + " " + citation.article();
  }
}
