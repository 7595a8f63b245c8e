package org.casebook.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.common.Confidentiality;
import org.casebook.common.Name;
import org.casebook.organizations.Organization;

/**
 * The State bodies of the corpus (police departments, prosecutors' offices, courts, security
 * services of each city), shared by the case files that name them, as in real records. Each has a
 * fixed public id under the seed; it becomes a record with the first case file that names it.
 *
 * <p>Not thread-safe: one generating thread asks for authorities in case file order, which keeps
 * the corpus the same for a seed.
 */
final class Authorities {
  /** The organization kind of each line of {@code [authority-format]}, in order. */
  private static final List<String> KINDS =
      List.of("police", "prosecutor", "court", "state-body", "state-body", "court", "police");

  /** A State body: its place in the pool, public id, country, city and the line of its name. */
  record Authority(int index, UUID id, Places.Country country, Places.City city, int format) {
    String name(Language language) {
      return Writing.fill(
          Writing.phrases(language).list("authority-format").get(format),
          (slot, in) -> city.in(in),
          language);
    }

    String kind() {
      return KINDS.get(format);
    }

    /** Courts, for proceedings; the others, for events. */
    boolean isCourt() {
      return kind().equals("court");
    }
  }

  private final List<Authority> all = new ArrayList<>();
  private final boolean[] created;

  Authorities(long seed) {
    if (Writing.size("authority-format") != KINDS.size()) {
      throw new IllegalStateException("every [authority-format] line needs its organization kind");
    }
    int index = 0;
    for (Places.Country country : Places.COUNTRIES) {
      for (Places.City city : country.cities()) {
        for (int format = 0; format < KINDS.size(); format++) {
          all.add(new Authority(index, Dice.of(seed, -1L - index).uuid(), country, city, format));
          index++;
        }
      }
    }
    created = new boolean[all.size()];
  }

  /** A State body of {@code city} in {@code country}, a court or not. */
  Authority of(Places.Country country, Places.City city, boolean court, Dice dice) {
    List<Authority> candidates =
        all.stream()
            .filter(authority -> authority.country() == country && authority.city().equals(city))
            .filter(authority -> authority.isCourt() == court)
            .toList();
    return dice.pick(candidates);
  }

  /**
   * Whether {@code authority} is still to be written: true once, for the first case file that
   * names it, which then makes it a record with {@link #organization}.
   */
  boolean claim(Authority authority) {
    if (created[authority.index()]) {
      return false;
    }
    created[authority.index()] = true;
    return true;
  }

  /** Whether {@code authority} was claimed by an earlier case file. */
  boolean exists(Authority authority) {
    return created[authority.index()];
  }

  /** The record of a State body: public, named in the case file's language and in the other. */
  static Organization organization(Authority authority, Language language) {
    Language other = language == Language.RUSSIAN ? Language.ENGLISH : Language.RUSSIAN;
    return new Organization(
        authority.id(), null, Confidentiality.PUBLIC, null, authority.name(language),
        List.of(new Name(authority.name(other), "alias", other.tag())), authority.kind(),
        authority.country().code(), List.of(), List.of(), null);
  }
}
