package org.casebook.accounts;

import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.common.Confidentiality;
import org.casebook.common.NoSuchRecord;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.casebook.vocabulary.Vocabularies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TeamServiceTest {
  private static final String PASSWORD = "a long enough passphrase";

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void addsChangesListsAndRemovesMembers(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts =
          new AccountService(
              database.jdbi(),
              Clock.systemUTC(),
              AccountPolicy.defaults(),
              AccountService.newPseudonymKey());
      TeamService teams = new TeamService(database.jdbi());
      User aigerim = accounts.createUser("aigerim", "Aigerim", Role.EDITOR, PASSWORD);
      User boris = accounts.createUser("boris", "Boris", Role.VIEWER, PASSWORD);
      UUID firstCase = newCase(database, "Case of D. S.");
      UUID secondCase = newCase(database, "Case of the Free Word Foundation");

      teams.addMember(firstCase, aigerim.id(), true);
      teams.addMember(firstCase, boris.id(), false);
      teams.addMember(secondCase, aigerim.id(), false);

      assertThat(teams.members(firstCase))
          .containsExactly(
              new TeamMember(aigerim.id(), "aigerim", "Aigerim", true),
              new TeamMember(boris.id(), "boris", "Boris", false));
      assertThat(teams.casesOf(aigerim.id())).isEqualTo(Map.of(firstCase, true, secondCase, false));

      teams.addMember(firstCase, aigerim.id(), false);
      teams.removeMember(firstCase, boris.id());
      teams.removeMember(firstCase, boris.id());

      assertThat(teams.casesOf(aigerim.id()))
          .isEqualTo(Map.of(firstCase, false, secondCase, false));
      assertThat(teams.casesOf(boris.id())).isEmpty();
      assertThat(teams.members(firstCase)).extracting(TeamMember::name).containsExactly("aigerim");
      assertThatThrownBy(() -> teams.addMember(UUID.randomUUID(), boris.id(), false))
          .isInstanceOf(NoSuchRecord.class);
      assertThatThrownBy(() -> teams.addMember(firstCase, UUID.randomUUID(), false))
          .isInstanceOf(NoSuchRecord.class);
    }
  }

  private static UUID newCase(Database database, String title) {
    CaseService cases =
        new CaseService(database.jdbi(), new Vocabularies(database.jdbi()), Clock.systemUTC());
    return cases
        .create(
            Caller.system("test"),
            new CaseFile(
                null,
                null,
                Confidentiality.INTERNAL,
                null,
                title,
                null,
                List.of("KZ"),
                "high",
                "open",
                List.of(),
                List.of(),
                List.of(),
                List.of()))
        .id();
  }
}
