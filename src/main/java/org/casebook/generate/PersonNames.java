package org.casebook.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casebook.common.Name;

/**
 * Invents people's names from the lists of common first names and surnames in {@code
 * name-parts.txt}, in Cyrillic and in Latin, with the other names documents give the same person:
 * a second transliteration, the official order with a patronymic, a former surname, an online
 * pseudonym. A random combination of common parts is not a real person chosen on purpose. Thread-safe.
 */
final class PersonNames {
  private static final Sections PARTS = Sections.load("name-parts.txt", true);

  private PersonNames() {}

  /**
   * A name in both scripts. For an English name {@code cyrillic*} is a rough Cyrillic spelling; for
   * the others {@code latin*} is the press transliteration.
   */
  record Invented(
      NameCulture culture,
      boolean female,
      String cyrillicGiven,
      String cyrillicFamily,
      String patronymic,
      String latinGiven,
      String latinFamily) {

    String cyrillic() {
      return cyrillicGiven + " " + cyrillicFamily;
    }

    String latin() {
      return latinGiven + " " + latinFamily;
    }

    String in(Language language) {
      return language == Language.RUSSIAN && culture != NameCulture.ENGLISH ? cyrillic() : latin();
    }

    /** The genitive in Russian text; English names are not declined. */
    String genitive(Language language) {
      if (language != Language.RUSSIAN || culture == NameCulture.ENGLISH) {
        return in(language);
      }
      return RussianDeclension.genitiveGiven(cyrillicGiven, female)
          + " "
          + RussianDeclension.genitiveFamily(cyrillicFamily, female);
    }

    /** With the first name as an initial: {@code Ж. Ахметова}, {@code Zh. Akhmetova}. */
    String initialed(Language language) {
      boolean russian = language == Language.RUSSIAN && culture != NameCulture.ENGLISH;
      String given = russian ? cyrillicGiven : latinGiven;
      String family = russian ? cyrillicFamily : latinFamily;
      int length = given.length() > 1 && Character.isLowerCase(given.charAt(1))
          && "ZzKkSsCc".indexOf(given.charAt(0)) >= 0 && given.charAt(1) == 'h' ? 2 : 1;
      return given.substring(0, length) + ". " + family;
    }
  }

  static Invented invent(NameCulture country, boolean female, Dice random) {
    NameCulture culture = mix(country, random);
    String given = PARTS.pick(culture.list(female ? "female" : "male"), random);
    if (culture == NameCulture.ENGLISH) {
      String family = PARTS.pick(culture.list("surname"), random);
      return new Invented(
          culture, female, Transliteration.cyrillic(given), Transliteration.cyrillic(family), null,
          given, family);
    }
    String family = family(culture, female, random);
    String patronymic =
        culture == NameCulture.RUSSIAN || culture == NameCulture.BELARUSIAN
            ? patronymic(PARTS.pick(NameCulture.RUSSIAN.list("male"), random), female)
            : null;
    return new Invented(
        culture, female, given, family, patronymic, Transliteration.latin(given),
        Transliteration.latin(family));
  }

  /** People of a country carry names of its main culture, and of the Russian one in a minority. */
  private static NameCulture mix(NameCulture country, Dice random) {
    return switch (country) {
      case KAZAKH, KYRGYZ -> random.nextInt(10) < 7 ? country : NameCulture.RUSSIAN;
      case BELARUSIAN -> random.nextInt(10) < 6 ? country : NameCulture.RUSSIAN;
      default -> country;
    };
  }

  private static String family(NameCulture culture, boolean female, Dice random) {
    if (culture == NameCulture.KAZAKH && random.nextInt(8) == 0) {
      return PARTS.pick(culture.list("male"), random) + (female ? "қызы" : "ұлы");
    }
    if (culture == NameCulture.KYRGYZ && random.nextInt(6) == 0) {
      return PARTS.pick(culture.list("male"), random) + (female ? " кызы" : " уулу");
    }
    String masculine = PARTS.pick(culture.list("surname"), random);
    return female ? RussianDeclension.feminineFamily(masculine) : masculine;
  }

  private static String patronymic(String father, boolean female) {
    String stem = father;
    String ending;
    if (stem.endsWith("й")) {
      stem = stem.substring(0, stem.length() - 1);
      ending = female ? "евна" : "евич";
    } else if (stem.endsWith("а") || stem.endsWith("я")) {
      stem = stem.substring(0, stem.length() - 1);
      ending = female ? "ична" : "ич";
    } else if (stem.endsWith("ь")) {
      stem = stem.substring(0, stem.length() - 1);
      ending = female ? "евна" : "евич";
    } else {
      ending = female ? "овна" : "ович";
    }
    return stem + ending;
  }

  /**
   * A person's primary name and other names. The primary name is written in Cyrillic or in Latin
   * ({@code cyrillicFirst}); the other script follows as a transliteration, then, by chance, the
   * passport spelling, the official order with the patronymic, a former surname and a pseudonym.
   */
  record Written(String primary, List<Name> others, String pseudonym) {}

  static Written write(Invented name, boolean cyrillicFirst, Dice random) {
    List<Name> others = new ArrayList<>();
    String cyrillicTag = name.culture().cyrillicTag();
    boolean english = name.culture() == NameCulture.ENGLISH;
    String primary;
    if (cyrillicFirst && !english) {
      primary = name.cyrillic();
      others.add(new Name(name.latin(), "transliteration", "en"));
    } else {
      primary = name.latin();
      others.add(new Name(name.cyrillic(), "transliteration", english ? "ru" : cyrillicTag));
    }
    if (!english && random.nextInt(3) == 0) {
      String passport =
          Transliteration.passport(name.cyrillicGiven()) + " " + Transliteration.passport(name.cyrillicFamily());
      if (!passport.equals(name.latin())) {
        others.add(new Name(passport, "transliteration", "en"));
      }
    }
    if (name.patronymic() != null && random.nextInt(5) == 0) {
      others.add(
          new Name(
              name.cyrillicFamily() + " " + name.cyrillicGiven() + " " + name.patronymic(), "alias", cyrillicTag));
    }
    if (name.female() && random.nextInt(8) == 0) {
      String maiden = PARTS.pick(NameCulture.RUSSIAN.list("surname"), random);
      others.add(
          new Name(
              name.cyrillicGiven() + " " + RussianDeclension.feminineFamily(maiden), "former", cyrillicTag));
    }
    String pseudonym = null;
    if (random.nextInt(5) == 0) {
      pseudonym =
          name.latinGiven().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
              + "_"
              + PARTS.pick("handle-word", random)
              + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(90) + 10));
      others.add(new Name(pseudonym, "pseudonym", null));
    }
    return new Written(primary, others, pseudonym);
  }
}
