package org.casebook.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.casebook.common.Checks;
import org.casebook.common.FieldError;
import org.casebook.common.NoSuchRecord;
import org.junit.jupiter.api.Test;

class FieldMessagesTest {
  private static final PageContext RUSSIAN = page("ru");
  private static final PageContext ENGLISH = page("en");

  @Test
  void everyMessageOfTheCommonChecksIsSaidInRussian() {
    Checks checks = new Checks();
    checks.requiredText("title", null, 10);
    checks.optionalText("summary", "x".repeat(12), 10);
    checks.country("country", "Kazakhstan");
    checks.language("language", "Russian");
    checks.currency("currency", "tenge");
    checks.each("countries", java.util.Arrays.asList("KZ", null), (path, code) -> {});
    checks.unique("names", List.of("A", "A"), name -> name, "name");
    checks.add("persons[0]", new NoSuchRecord("person", UUID.fromString("00000000-0000-0000-0000-000000000001")).getMessage());
    checks.add("type", "\"storm\" is not in the vocabulary event_type; expected one of: arrest, search");

    for (FieldError error : checks.errors()) {
      String russian = FieldMessages.translate(error.message(), RUSSIAN);
      assertThat(russian).as(error.message()).isNotEqualTo(error.message()).containsPattern("[а-яА-Я]");
      assertThat(FieldMessages.translate(error.message(), ENGLISH)).as(error.message()).doesNotContain("fieldMessage.");
    }
  }

  @Test
  void keepsTheValuesTheMessageNames() {
    assertThat(FieldMessages.translate("is 12 characters long; at most 10 are allowed", RUSSIAN)).contains("12", "10");
    assertThat(FieldMessages.translate("no source with id 00000000-0000-0000-0000-000000000001", RUSSIAN))
        .contains("источник", "00000000-0000-0000-0000-000000000001");
  }

  @Test
  void aMessageOfAnUnknownShapeStaysAsItIs() {
    assertThat(FieldMessages.translate("is odd in a way nobody foresaw", RUSSIAN)).isEqualTo("is odd in a way nobody foresaw");
  }

  private static PageContext page(String language) {
    return new PageContext(Messages.of(Locale.forLanguageTag(language)), null, false, "/", "", null, null);
  }
}
