package org.casebook.generate;

import java.util.List;

/**
 * The countries of the corpus and their cities, with how often a case file is about each. Weighted
 * towards Central Asia, where the legal catalogue's code is, with the countries defenders leave for.
 */
final class Places {
  /** A city, named in English and in Russian. */
  record City(String english, String russian) {
    String in(Language language) {
      return language == Language.RUSSIAN ? russian : english;
    }
  }

  /**
   * A country: its ISO code, how many case files in a hundred are about it, its English name and
   * its Russian name in the nominative, genitive and accusative, the culture its people's names
   * come from, and its cities.
   */
  record Country(
      String code,
      int weight,
      String english,
      String russian,
      String russianGenitive,
      String russianAccusative,
      NameCulture culture,
      List<City> cities) {
    City city(Dice random) {
      // The first city is the capital or the largest: it gets a third of the events.
      return random.nextInt(3) == 0 ? cities.get(0) : cities.get(random.nextInt(cities.size()));
    }
  }

  static final List<Country> COUNTRIES =
      List.of(
          new Country("KZ", 40, "Kazakhstan", "Казахстан", "Казахстана", "Казахстан", NameCulture.KAZAKH,
              List.of(new City("Almaty", "Алматы"), new City("Astana", "Астана"),
                  new City("Shymkent", "Шымкент"), new City("Karaganda", "Караганда"),
                  new City("Aktobe", "Актобе"), new City("Atyrau", "Атырау"),
                  new City("Pavlodar", "Павлодар"), new City("Zhanaozen", "Жанаозен"),
                  new City("Uralsk", "Уральск"), new City("Ust-Kamenogorsk", "Усть-Каменогорск"),
                  new City("Semey", "Семей"), new City("Taraz", "Тараз"),
                  new City("Kyzylorda", "Кызылорда"), new City("Kostanay", "Костанай"))),
          new Country("KG", 12, "Kyrgyzstan", "Киргизия", "Киргизии", "Киргизию", NameCulture.KYRGYZ,
              List.of(new City("Bishkek", "Бишкек"), new City("Osh", "Ош"),
                  new City("Jalal-Abad", "Джалал-Абад"), new City("Karakol", "Каракол"),
                  new City("Naryn", "Нарын"), new City("Talas", "Талас"))),
          new Country("RU", 12, "Russia", "Россия", "России", "Россию", NameCulture.RUSSIAN,
              List.of(new City("Moscow", "Москва"), new City("Saint Petersburg", "Санкт-Петербург"),
                  new City("Kazan", "Казань"), new City("Novosibirsk", "Новосибирск"),
                  new City("Yekaterinburg", "Екатеринбург"), new City("Omsk", "Омск"),
                  new City("Krasnodar", "Краснодар"), new City("Perm", "Пермь"))),
          new Country("BY", 10, "Belarus", "Беларусь", "Беларуси", "Беларусь", NameCulture.BELARUSIAN,
              List.of(new City("Minsk", "Минск"), new City("Gomel", "Гомель"),
                  new City("Brest", "Брест"), new City("Grodno", "Гродно"),
                  new City("Vitebsk", "Витебск"), new City("Mogilev", "Могилёв"))),
          new Country("UZ", 7, "Uzbekistan", "Узбекистан", "Узбекистана", "Узбекистан", NameCulture.KYRGYZ,
              List.of(new City("Tashkent", "Ташкент"), new City("Samarkand", "Самарканд"),
                  new City("Nukus", "Нукус"), new City("Andijan", "Андижан"))),
          new Country("TJ", 6, "Tajikistan", "Таджикистан", "Таджикистана", "Таджикистан", NameCulture.KYRGYZ,
              List.of(new City("Dushanbe", "Душанбе"), new City("Khujand", "Худжанд"),
                  new City("Khorog", "Хорог"))),
          new Country("AZ", 5, "Azerbaijan", "Азербайджан", "Азербайджана", "Азербайджан", NameCulture.RUSSIAN,
              List.of(new City("Baku", "Баку"), new City("Ganja", "Гянджа"))),
          new Country("TM", 2, "Turkmenistan", "Туркменистан", "Туркменистана", "Туркменистан", NameCulture.KYRGYZ,
              List.of(new City("Ashgabat", "Ашхабад"), new City("Turkmenabat", "Туркменабат"))),
          new Country("GE", 2, "Georgia", "Грузия", "Грузии", "Грузию", NameCulture.RUSSIAN,
              List.of(new City("Tbilisi", "Тбилиси"), new City("Batumi", "Батуми"))),
          new Country("AM", 2, "Armenia", "Армения", "Армении", "Армению", NameCulture.RUSSIAN,
              List.of(new City("Yerevan", "Ереван"), new City("Gyumri", "Гюмри"))),
          new Country("UA", 2, "Ukraine", "Украина", "Украины", "Украину", NameCulture.BELARUSIAN,
              List.of(new City("Kyiv", "Киев"), new City("Lviv", "Львов"), new City("Odesa", "Одесса"))));

  /** Where defenders go: the second country of a case file, asylum and extradition proceedings. */
  static final List<Country> REFUGE =
      List.of(
          new Country("LT", 1, "Lithuania", "Литва", "Литвы", "Литву", NameCulture.ENGLISH,
              List.of(new City("Vilnius", "Вильнюс"))),
          new Country("PL", 1, "Poland", "Польша", "Польши", "Польшу", NameCulture.ENGLISH,
              List.of(new City("Warsaw", "Варшава"))),
          new Country("DE", 1, "Germany", "Германия", "Германии", "Германию", NameCulture.ENGLISH,
              List.of(new City("Berlin", "Берлин"))),
          new Country("GE", 1, "Georgia", "Грузия", "Грузии", "Грузию", NameCulture.ENGLISH,
              List.of(new City("Tbilisi", "Тбилиси"))),
          new Country("NL", 1, "the Netherlands", "Нидерланды", "Нидерландов", "Нидерланды",
              NameCulture.ENGLISH, List.of(new City("The Hague", "Гаага"))));

  private static final int TOTAL_WEIGHT = COUNTRIES.stream().mapToInt(Country::weight).sum();

  private Places() {}

  /** A country of a case file, by weight. */
  static Country country(Dice random) {
    int draw = random.nextInt(TOTAL_WEIGHT);
    for (Country country : COUNTRIES) {
      draw -= country.weight();
      if (draw < 0) {
        return country;
      }
    }
    throw new AssertionError("weights exhausted");
  }

  static Country refuge(Dice random) {
    return REFUGE.get(random.nextInt(REFUGE.size()));
  }
}
