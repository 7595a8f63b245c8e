package org.casebook.communications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.common.Confidentiality;
import org.casebook.common.Name;
import org.casebook.common.Redaction;
import org.casebook.people.Person;

/**
 * The names of persons who may not be named in what leaves the team (a letter to a government, the
 * public register): protected persons and restricted ones. Wherever one of their names, or other
 * names, occurs in a text, it is replaced by a mark, whatever its case. Names of two letters or
 * fewer are left alone: they would mark every word that contains them.
 */
final class WithheldNames {
  private final List<Pattern> names;

  private WithheldNames(List<Pattern> names) {
    this.names = List.copyOf(names);
  }

  /** The names to withhold among {@code persons}: those of the ones that may not be named. */
  static WithheldNames among(Collection<Person> persons) {
    List<Pattern> names = new ArrayList<>();
    for (Person person : persons) {
      if (!nameable(person)) {
        for (String name : names(person)) {
          names.add(Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
      }
    }
    return new WithheldNames(names);
  }

  /** Whether a person may be named outside the team: neither protected nor restricted, nor withheld from the reader. */
  static boolean nameable(Person person) {
    return !person.isProtected()
        && person.confidentiality() != Confidentiality.RESTRICTED
        && !person.isVoided()
        && person.name() != null
        && !person.name().equals(Redaction.MARK);
  }

  /** {@code text} with every withheld name replaced by {@code mark}; null stays null. */
  String apply(String text, String mark) {
    if (text == null) {
      return null;
    }
    String told = text;
    for (Pattern name : names) {
      told = name.matcher(told).replaceAll(Matcher.quoteReplacement(mark));
    }
    return told;
  }

  /** {@link #apply} to each text of a list. */
  List<String> apply(List<String> texts, String mark) {
    return texts.stream().map(text -> apply(text, mark)).toList();
  }

  private static List<String> names(Person person) {
    List<String> names = new ArrayList<>();
    if (person.name() != null && !person.name().equals(Redaction.MARK) && person.name().strip().length() > 2) {
      names.add(person.name().strip());
    }
    for (Name other : person.otherNames()) {
      if (other.name() != null && other.name().strip().length() > 2) {
        names.add(other.name().strip());
      }
    }
    return names;
  }
}
