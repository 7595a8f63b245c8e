package org.casebook.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casebook.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CitationTest {

  @Test
  void readsCodeArticlePartAndClause() {
    assertThat(Citation.parse("KZ-CC 274(2)(3)", "charge"))
        .isEqualTo(new Citation("KZ-CC", "274", "2", "3"));
    assertThat(Citation.parse("KZ-CC 190(4)", "charge"))
        .isEqualTo(new Citation("KZ-CC", "190", "4", null));
    assertThat(Citation.parse("KZ-CC 405", "charge"))
        .isEqualTo(new Citation("KZ-CC", "405", null, null));
    assertThat(Citation.parse("  KZ-CPC 24-1(1)(a) ", "charge"))
        .isEqualTo(new Citation("KZ-CPC", "24-1", "1", "a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"KZ-CC 274(2)(3)", "KZ-CC 190(4)", "KZ-CC 405", "RU-CC 207.3(2)"})
  void writesWhatItRead(String text) {
    assertThat(Citation.parse(text, "charge")).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "274",
        "KZ-CC",
        "KZ-CC274",
        "kz-cc 274",
        "KZ-CC 274(2)(3)(4)",
        "KZ-CC 274 (2)",
        "KZ-CC 274()",
        "KZ-CC 274(2",
        "KZ-CC Article 274",
        "KZ-CC 274(ДВА)"
      })
  void refusesOtherForms(String text) {
    assertThatThrownBy(() -> Citation.parse(text, "charges[1]"))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> {
              assertThat(invalid.errors().get(0).field()).isEqualTo("charges[1]");
              assertThat(invalid.errors().get(0).message())
                  .contains(text)
                  .contains("KZ-CC 274(2)(3)");
            });
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void requiresACitation(String text) {
    assertThatThrownBy(() -> Citation.parse(text, "charges[0]"))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> assertThat(invalid.errors().get(0).message()).startsWith("is required"));
  }
}
