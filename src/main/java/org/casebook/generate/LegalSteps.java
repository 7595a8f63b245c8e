package org.casebook.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The choices that make a generated proceeding: its kind, the statuses it went through in order
 * (opened, suspect named, suspended and resumed, convicted or dismissed or wanted-listed ...), the
 * role of the person at risk in it, the articles it charges and how they are cited, and fines in the
 * country's currency. Stateless.
 */
final class LegalSteps {
  static final List<String> KINDS =
      List.of("criminal", "administrative", "civil", "asylum", "extradition", "private-prosecution");
  private static final int[] KIND_WEIGHTS = {55, 20, 7, 8, 5, 5};

  private static final Map<String, String> CURRENCY =
      Map.ofEntries(
          Map.entry("KZ", "KZT"), Map.entry("KG", "KGS"), Map.entry("RU", "RUB"), Map.entry("BY", "BYN"),
          Map.entry("UZ", "UZS"), Map.entry("TJ", "TJS"), Map.entry("AZ", "AZN"), Map.entry("TM", "TMT"),
          Map.entry("GE", "GEL"), Map.entry("AM", "AMD"), Map.entry("UA", "UAH"));

  /** How a fine's currency is written after its amount, in English and in Russian. */
  private static final Map<String, List<String>> CURRENCY_WORDS =
      Map.ofEntries(
          Map.entry("KZT", List.of("tenge", "тенге")), Map.entry("KGS", List.of("som", "сомов")),
          Map.entry("RUB", List.of("roubles", "рублей")), Map.entry("BYN", List.of("roubles", "рублей")),
          Map.entry("UZS", List.of("sum", "сумов")), Map.entry("TJS", List.of("somoni", "сомони")),
          Map.entry("AZN", List.of("manat", "манатов")), Map.entry("TMT", List.of("manat", "манатов")),
          Map.entry("GEL", List.of("lari", "лари")), Map.entry("AMD", List.of("dram", "драмов")),
          Map.entry("UAH", List.of("hryvnias", "гривен")));

  private LegalSteps() {}

  static String kind(Dice dice) {
    return KINDS.get(dice.weighted(KIND_WEIGHTS));
  }

  /** The role of the person at risk in a proceeding of {@code kind}. */
  static String partyRole(String kind, Dice dice) {
    return switch (kind) {
      case "criminal", "private-prosecution" -> dice.nextBoolean() ? "suspect" : "accused";
      case "asylum" -> "applicant";
      case "extradition" -> "respondent";
      default -> "defendant";
    };
  }

  /** The statuses a proceeding of {@code kind} went through, in order. */
  static List<String> history(String kind, Dice dice) {
    List<String> steps = new ArrayList<>();
    switch (kind) {
      case "criminal" -> {
        steps.add("opened");
        if (dice.chance(70)) {
          steps.add("suspect-named");
        }
        if (dice.chance(40)) {
          steps.add("charged");
        }
        for (int pause = dice.nextInt(3); pause > 0; pause--) {
          steps.add("suspended");
          steps.add("resumed");
        }
        switch (dice.weighted(25, 25, 20, 15, 15)) {
          case 0 -> steps.add("dismissed");
          case 1 -> {
            steps.add("convicted");
            if (dice.nextBoolean()) {
              steps.add("appealed");
            }
          }
          case 2 -> {
            steps.add("wanted-listed");
            if (dice.nextBoolean()) {
              steps.add("extradition-requested");
            }
          }
          case 3 -> steps.add("decision-due");
          default -> { }
        }
      }
      case "asylum" -> {
        steps.add("filed");
        steps.add("decision-due");
        if (dice.nextBoolean()) {
          steps.add("decided");
        }
      }
      case "extradition" -> {
        steps.add("extradition-requested");
        steps.add("decision-due");
        if (dice.nextBoolean()) {
          steps.add(dice.nextBoolean() ? "decided" : "closed");
        }
      }
      case "private-prosecution" -> {
        steps.add("filed");
        steps.add("opened");
        steps.add(List.of("dismissed", "convicted", "acquitted").get(dice.nextInt(3)));
      }
      default -> {
        steps.add(dice.nextBoolean() ? "filed" : "opened");
        steps.add("decided");
        if (dice.chance(30)) {
          steps.add("appealed");
        }
      }
    }
    return steps;
  }

  /** An article of {@code articles}, article 274 three times as often as any other. */
  static Provisions.Article article(List<Provisions.Article> articles, Dice dice) {
    int[] weights = new int[articles.size()];
    for (int index = 0; index < weights.length; index++) {
      weights[index] = articles.get(index).number().equals("274") ? 30 : 10;
    }
    return articles.get(dice.weighted(weights));
  }

  /** A citation of {@code article}: the article alone, with a part, or with a part and a clause. */
  static String citation(Provisions.Article article, Dice dice) {
    StringBuilder citation = new StringBuilder(article.code()).append(' ').append(article.number());
    if (dice.chance(60)) {
      String part =
          !article.parts().isEmpty() && dice.nextBoolean()
              ? dice.pick(article.parts())
              : Integer.toString(dice.between(1, 4));
      citation.append('(').append(part).append(')');
      if (dice.chance(40)) {
        citation.append('(').append(dice.between(1, 3)).append(')');
      }
    }
    return citation.toString();
  }

  static BigDecimal fineAmount(Dice dice) {
    return BigDecimal.valueOf(List.of(34_500, 69_000, 138_000, 276_000, 560_000, 1_380_000).get(dice.nextInt(6)));
  }

  /** The ISO 4217 currency of a country's fines. */
  static String currency(String country) {
    return CURRENCY.getOrDefault(country, "EUR");
  }

  /** The currency of a country's fines as text follows an amount: {@code tenge}, {@code рублей}. */
  static String currencyWord(String country, Language language) {
    List<String> words = CURRENCY_WORDS.get(currency(country));
    return words == null ? currency(country) : words.get(language == Language.RUSSIAN ? 1 : 0);
  }
}
