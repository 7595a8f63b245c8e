package org.casebook.generate;

/**
 * The genitive of Russian-written first names and surnames ({@code Жанар Ахметова} becomes {@code
 * Жанар Ахметовой}, {@code Сергей Волков} becomes {@code Сергея Волкова}), so that generated Russian
 * text names people in the forms a stemmer must bring together. The common patterns only: a name
 * it does not know is left as it is, which is also what Russian does with many foreign and Kazakh
 * names. Stateless.
 */
final class RussianDeclension {
  private RussianDeclension() {}

  static String genitiveGiven(String name, boolean female) {
    if (name.endsWith("ия")) {
      return cut(name, 1) + "и";
    }
    if (name.endsWith("я")) {
      return cut(name, 1) + "и";
    }
    if (name.endsWith("а")) {
      return cut(name, 1) + (afterVelarOrSibilant(name) ? "и" : "ы");
    }
    if (female) {
      return name;
    }
    if (name.endsWith("й") || name.endsWith("ь")) {
      return cut(name, 1) + "я";
    }
    return endsWithConsonant(name) ? name + "а" : name;
  }

  static String genitiveFamily(String name, boolean female) {
    if (female) {
      if (name.endsWith("ова") || name.endsWith("ева") || name.endsWith("ёва")
          || name.endsWith("ина") || name.endsWith("ына")) {
        return cut(name, 1) + "ой";
      }
      if (name.endsWith("ская") || name.endsWith("цкая")) {
        return cut(name, 2) + "ой";
      }
      return name;
    }
    if (name.endsWith("ский") || name.endsWith("цкий")) {
      return cut(name, 2) + "ого";
    }
    if (name.endsWith("ов") || name.endsWith("ев") || name.endsWith("ёв") || name.endsWith("ин")
        || name.endsWith("ын") || name.endsWith("ич") || name.endsWith("ук") || name.endsWith("юк")
        || name.endsWith("ник") || name.endsWith("ик") || name.endsWith("ак")) {
      return name + "а";
    }
    return name;
  }

  /** The feminine form of a masculine surname: {@code Волков} is {@code Волкова}. */
  static String feminineFamily(String masculine) {
    if (masculine.endsWith("ов") || masculine.endsWith("ев") || masculine.endsWith("ёв")
        || masculine.endsWith("ин") || masculine.endsWith("ын")) {
      return masculine + "а";
    }
    if (masculine.endsWith("ский") || masculine.endsWith("цкий")) {
      return cut(masculine, 2) + "ая";
    }
    return masculine;
  }

  private static boolean afterVelarOrSibilant(String word) {
    if (word.length() < 2) {
      return false;
    }
    return "гкхжчшщ".indexOf(word.charAt(word.length() - 2)) >= 0;
  }

  private static boolean endsWithConsonant(String word) {
    char last = word.charAt(word.length() - 1);
    return "бвгджзклмнпрстфхцчшщ".indexOf(last) >= 0;
  }

  private static String cut(String word, int letters) {
    return word.substring(0, word.length() - letters);
  }
}
