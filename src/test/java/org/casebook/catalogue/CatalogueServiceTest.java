package org.casebook.catalogue;

import org.casebook.access.Caller;
import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.UUID;
import org.casebook.common.FieldError;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogueServiceTest {
  private static final Caller EDITOR =
      Caller.user(UUID.fromString("00000000-0000-0000-0000-0000000000ed"), "editor", Role.ADMINISTRATOR, null);
  private static final UUID FRAUD_PART_4 = UUID.fromString("6f1c2a10-0194-4a8e-9d2e-000000001904");

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void listsTheSeededCodesAndProvisionsInNaturalOrder(TestStore store) {
    try (Database database = store.open()) {
      CatalogueService catalogue = new CatalogueService(database.jdbi());

      assertThat(catalogue.codes()).extracting(LegalCode::code).containsExactly("KZ-CC", "KZ-CPC");
      assertThat(catalogue.codes().get(0).titleRu())
          .isEqualTo("Уголовный кодекс Республики Казахстан");
      assertThat(catalogue.provisions("KZ-CC"))
          .extracting(Provision::citation)
          .containsExactly(
              "KZ-CC 130",
              "KZ-CC 131",
              "KZ-CC 147",
              "KZ-CC 190",
              "KZ-CC 190(4)",
              "KZ-CC 274",
              "KZ-CC 405");
      assertThat(catalogue.provisions("KZ-CPC")).isEmpty();
      assertThat(catalogue.provisions(null)).hasSize(7);
      Provision fraud = catalogue.get(FRAUD_PART_4);
      assertThat(fraud.part()).isEqualTo("4");
      assertThat(fraud.maxPenaltyYears()).isEqualByComparingTo("10");
      assertThatThrownBy(() -> catalogue.get(UUID.randomUUID())).isInstanceOf(NoSuchRecord.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void addsArticlesAndPartsAndRefusesDuplicates(TestStore store) {
    try (Database database = store.open()) {
      CatalogueService catalogue = new CatalogueService(database.jdbi());
      Provision article =
          catalogue.add(EDITOR, new Provision(null, "KZ-CC", "24", null, "Attempt", "Покушение", null));
      Provision part =
          catalogue.add(EDITOR, new Provision(
                  null,
                  "KZ-CC",
                  "274",
                  "2",
                  "Dissemination by a group",
                  "Группой лиц",
                  new BigDecimal("5")));

      assertThat(catalogue.get(article.id())).isEqualTo(article);
      assertThat(catalogue.get(part.id())).isEqualTo(part);
      assertThat(catalogue.provisions("KZ-CC"))
          .extracting(Provision::citation)
          .startsWith("KZ-CC 24", "KZ-CC 130");
      assertThat(catalogue.provisions("KZ-CC"))
          .extracting(Provision::citation)
          .contains("KZ-CC 274(2)");
      assertThatThrownBy(
              () -> catalogue.add(EDITOR, new Provision(null, "KZ-CC", "274", "2", "Again", "Снова", null)))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .containsExactly(
                          new FieldError("part", "KZ-CC 274(2) is already in the catalogue")));
      assertThatThrownBy(
              () ->
                  catalogue.add(EDITOR, new Provision(null, "KZ-CC", "999", "1", "Unknown", "Неизвестно", null)))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid ->
                  assertThat(invalid.errors())
                      .extracting(FieldError::field)
                      .containsExactly("article"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void reportsEveryBadFieldOfAProvisionAtOnce(TestStore store) {
    try (Database database = store.open()) {
      CatalogueService catalogue = new CatalogueService(database.jdbi());
      Provision bad =
          new Provision(null, "XX-CC", "Article 5", "Part 2", " ", null, new BigDecimal("-1"));

      assertThatThrownBy(() -> catalogue.add(EDITOR, bad))
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid -> {
                assertThat(invalid.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "code", "article", "part", "title_en", "title_ru", "max_penalty_years");
                assertThat(invalid.errors().get(0).message()).contains("XX-CC", "KZ-CC, KZ-CPC");
              });
      assertThat(catalogue.provisions(null)).hasSize(7);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void resolvesCitationsToTheArticleWithTheMostSpecificPenalty(TestStore store) {
    try (Database database = store.open()) {
      CatalogueService catalogue = new CatalogueService(database.jdbi());
      database
          .jdbi()
          .useHandle(
              handle -> {
                ResolvedCharge fraud =
                    catalogue.resolve(handle, Citation.parse("KZ-CC 190(4)(2)", "c"), "c");
                ResolvedCharge falseInformation =
                    catalogue.resolve(handle, Citation.parse("KZ-CC 274(2)(3)", "c"), "c");
                ResolvedCharge fraudPart1 =
                    catalogue.resolve(handle, Citation.parse("KZ-CC 190(1)", "c"), "c");

                assertThat(fraud.title()).isEqualTo("Fraud");
                assertThat(fraud.maxPenaltyYears()).isEqualByComparingTo("10");
                assertThat(fraud.citation().clause()).isEqualTo("2");
                assertThat(fraudPart1.provisionKey()).isEqualTo(fraud.provisionKey());
                assertThat(fraudPart1.maxPenaltyYears()).isNull();
                assertThat(falseInformation.title())
                    .isEqualTo("Dissemination of knowingly false information");
                assertThat(falseInformation.maxPenaltyYears()).isNull();
              });
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAnUnknownArticleOrCodeNamingTheField(TestStore store) {
    try (Database database = store.open()) {
      CatalogueService catalogue = new CatalogueService(database.jdbi());
      database
          .jdbi()
          .useHandle(
              handle -> {
                assertThatThrownBy(
                        () ->
                            catalogue.resolve(
                                handle, Citation.parse("KZ-CC 999", "x"), "charges[1]"))
                    .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid ->
                            assertThat(invalid.errors())
                                .containsExactly(
                                    new FieldError(
                                        "charges[1]",
                                        "article 999 of KZ-CC is not in the catalogue; known"
                                            + " articles: 130, 131, 147, 190, 274, 405")));
                assertThatThrownBy(
                        () ->
                            catalogue.resolve(
                                handle, Citation.parse("UA-CC 161", "x"), "charges[0]"))
                    .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid ->
                            assertThat(invalid.errors().get(0).message())
                                .contains("UA-CC", "KZ-CC, KZ-CPC"));
              });
    }
  }
}
