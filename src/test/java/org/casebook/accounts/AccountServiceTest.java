package org.casebook.accounts;

import org.casebook.access.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.casebook.common.InvalidInput;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.NotPermitted;
import org.casebook.storage.Database;
import org.casebook.storage.TestStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountServiceTest {
  private static final String PASSWORD = "a long enough passphrase";
  private static final String ADDRESS = "203.0.113.7";
  private static final byte[] PSEUDONYM_KEY =
      "a test key of thirty-two bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final TestClock clock = new TestClock(Instant.parse("2024-03-01T09:00:00Z"));

  private AccountService accounts(Database database) {
    return new AccountService(database.jdbi(), clock, AccountPolicy.defaults(), PSEUDONYM_KEY);
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void signsInAndFindsThePrincipalOfTheSession(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User editor = accounts.createUser(" Aigerim.K ", "Айгерим К.", Role.EDITOR, PASSWORD);

      SignInResult result = accounts.signIn("AIGERIM.K", PASSWORD, null, ADDRESS);
      Principal principal = accounts.session(result.sessionToken()).orElseThrow();

      assertThat(editor.name()).isEqualTo("aigerim.k");
      assertThat(principal.userId()).isEqualTo(editor.id());
      assertThat(principal.role()).isEqualTo(Role.EDITOR);
      assertThat(principal.displayName()).isEqualTo("Айгерим К.");
      assertThat(principal.mustEnrollTotp()).isFalse();
      assertThat(principal.credential()).isEqualTo(result.principal().credential());
      assertThat(result.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
      assertThat(result.sessionToken()).matches("[A-Za-z0-9_-]{43}");
      assertThat(result.toString()).doesNotContain(result.sessionToken());
      assertThat(principal.toString()).doesNotContain(principal.csrfToken());
      assertThat(accounts.csrfMatches(principal, principal.csrfToken())).isTrue();
      assertThat(accounts.csrfMatches(principal, principal.csrfToken() + "x")).isFalse();
      assertThat(accounts.csrfMatches(principal, null)).isFalse();
      assertThat(accounts.session(result.sessionToken() + "x")).isEmpty();
      assertThat(tableText(database, "sessions")).doesNotContain(result.sessionToken());
      assertThat(tableText(database, "users")).doesNotContain(PASSWORD);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesAWrongPasswordAndAnUnknownNameAlike(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);

      assertThatThrownBy(() -> accounts.signIn("aigerim", "not the passphrase", null, ADDRESS))
          .isInstanceOf(SignInRefused.class)
          .hasMessage("wrong name, password or code");
      assertThatThrownBy(() -> accounts.signIn("nobody", PASSWORD, null, ADDRESS))
          .isInstanceOf(SignInRefused.class)
          .hasMessage("wrong name, password or code");
      assertThatThrownBy(() -> accounts.signIn("", "", null, null))
          .isInstanceOf(SignInRefused.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesWeakPasswordsAndTakenNames(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);

      assertThatThrownBy(() -> accounts.createUser("AIGERIM", "Other", Role.VIEWER, PASSWORD))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("is taken");
      assertThatThrownBy(() -> accounts.createUser("dana", "Dana", Role.VIEWER, "too short"))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("password");
      assertThatThrownBy(() -> accounts.createUser("dana", "Dana", Role.VIEWER, "dana dana dana"))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("contains the user name");
      assertThatThrownBy(() -> accounts.createUser("Дана", "Dana", Role.VIEWER, PASSWORD))
          .isInstanceOf(InvalidInput.class)
          .hasMessageContaining("name: must be");
      assertThat(accounts.users()).extracting(User::name).containsExactly("aigerim");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void keepsOneAdministratorWhoCanSignIn(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User first = accounts.createUser("first-admin", "First", Role.ADMINISTRATOR, PASSWORD);
      org.casebook.common.Actor operator = new org.casebook.common.Actor("operator");

      assertThatThrownBy(() -> accounts.disable(operator, first.id()))
          .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors().get(0).message()).startsWith("is the last administrator"));
      assertThatThrownBy(() -> accounts.disable(new org.casebook.common.Actor("first-admin"), first.id()))
          .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors().get(0).message()).startsWith("is your own account"));
      User second = accounts.createUser("second-admin", "Second", Role.ADMINISTRATOR, PASSWORD);
      accounts.disable(operator, first.id());

      assertThat(accounts.user(first.id()).disabled()).isTrue();
      assertThatThrownBy(() -> accounts.disable(operator, second.id())).isInstanceOf(InvalidInput.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void throttlesAfterFiveFailuresAndLiftsAfterADoublingDelay(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThatThrownBy(
                () -> accounts.signIn("aigerim", "guess number one", null, "198.51.100." + 1))
            .isInstanceOf(SignInRefused.class);
        clock.advance(Duration.ofSeconds(10));
      }
      Instant blockEnd = clock.instant().minusSeconds(10).plus(Duration.ofMinutes(1));

      // Blocked from any address, even with the right password, which is not checked.
      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, null, "192.0.2.99"))
          .isInstanceOfSatisfying(
              SignInThrottled.class,
              throttled -> assertThat(throttled.retryAfter()).isEqualTo(blockEnd));
      // A wrong guess after the first block lifts doubles the block.
      clock.advance(Duration.ofMinutes(1));
      assertThatThrownBy(() -> accounts.signIn("aigerim", "guess number six", null, null))
          .isInstanceOf(SignInRefused.class);
      Instant secondBlockEnd = clock.instant().plus(Duration.ofMinutes(2));
      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, null, null))
          .isInstanceOfSatisfying(
              SignInThrottled.class,
              throttled -> assertThat(throttled.retryAfter()).isEqualTo(secondBlockEnd));
      // The owner gets in once it lifts, and the account's count starts again.
      clock.advance(Duration.ofMinutes(2));
      accounts.signIn("aigerim", PASSWORD, null, null);
      assertThatThrownBy(() -> accounts.signIn("aigerim", "one more guess", null, null))
          .isInstanceOf(SignInRefused.class);
      accounts.signIn("aigerim", PASSWORD, null, null);
      assertThat(tableText(database, "sign_in_throttle")).doesNotContain("aigerim", "198.51.100.1");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void throttlesAnAddressThatTriesManyNames(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);
      for (String name : List.of("anna", "boris", "chingiz", "dana", "erlan")) {
        assertThatThrownBy(() -> accounts.signIn(name, PASSWORD, null, ADDRESS))
            .isInstanceOf(SignInRefused.class);
      }

      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, null, ADDRESS))
          .isInstanceOf(SignInThrottled.class);
      accounts.signIn("aigerim", PASSWORD, null, "192.0.2.1");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void endsASessionAfterThirtyIdleMinutes(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);
      String token = accounts.signIn("aigerim", PASSWORD, null, ADDRESS).sessionToken();

      clock.advance(Duration.ofMinutes(29));
      assertThat(accounts.session(token)).isPresent();
      clock.advance(Duration.ofMinutes(29));
      assertThat(accounts.session(token)).isPresent();
      clock.advance(Duration.ofMinutes(30));
      assertThat(accounts.session(token)).isEmpty();
      clock.advance(Duration.ofMinutes(-20));
      assertThat(accounts.session(token)).as("an expired session stays ended").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void endsASessionTwelveHoursAfterSignInHoweverActive(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);
      String token = accounts.signIn("aigerim", PASSWORD, null, ADDRESS).sessionToken();

      for (int quarter = 1; quarter < 48; quarter++) {
        clock.advance(Duration.ofMinutes(15));
        assertThat(accounts.session(token)).as("after %d minutes", quarter * 15).isPresent();
      }
      clock.advance(Duration.ofMinutes(15));
      assertThat(accounts.session(token)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void signingOutMakesTheTokenUseless(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);
      String stolen = accounts.signIn("aigerim", PASSWORD, null, ADDRESS).sessionToken();
      String other = accounts.signIn("aigerim", PASSWORD, null, ADDRESS).sessionToken();

      accounts.signOut(stolen);

      assertThat(accounts.session(stolen)).isEmpty();
      assertThat(accounts.session(other)).isPresent();
      accounts.signOut(stolen);
      accounts.signOut("not a token");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void settingOrChangingAPasswordEndsTheOtherSessions(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User user = accounts.createUser("aigerim", "Aigerim", Role.VIEWER, PASSWORD);
      SignInResult here = accounts.signIn("aigerim", PASSWORD, null, ADDRESS);
      String elsewhere = accounts.signIn("aigerim", PASSWORD, null, ADDRESS).sessionToken();

      assertThatThrownBy(
              () ->
                  accounts.changePassword(
                      here.principal(), "wrong current one", "the new passphrase"))
          .isInstanceOf(SignInRefused.class);
      accounts.changePassword(here.principal(), PASSWORD, "the new passphrase");

      assertThat(accounts.session(here.sessionToken())).isPresent();
      assertThat(accounts.session(elsewhere)).isEmpty();
      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, null, ADDRESS))
          .isInstanceOf(SignInRefused.class);
      accounts.signIn("aigerim", "the new passphrase", null, ADDRESS);

      accounts.setPassword(user.id(), "set by the administrator");
      assertThat(accounts.session(here.sessionToken())).isEmpty();
      accounts.signIn("aigerim", "set by the administrator", null, ADDRESS);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void signsInWithAOneTimeCodeAcceptedOnlyOnce(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User user = accounts.createUser("aigerim", "Aigerim", Role.EDITOR, PASSWORD);
      TotpEnrollment enrollment = accounts.enrollTotp(user.id());
      assertThatThrownBy(() -> accounts.confirmTotp(user.id(), "000000"))
          .isInstanceOf(InvalidInput.class);
      List<String> recoveryCodes = accounts.confirmTotp(user.id(), currentCode(enrollment));
      clock.advance(Duration.ofSeconds(30));

      assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
      assertThat(accounts.user(user.id()).totpEnabled()).isTrue();
      assertThat(enrollment.uri())
          .startsWith("otpauth://totp/Casebook:aigerim?secret=" + enrollment.secret());
      assertThatThrownBy(() -> accounts.enrollTotp(user.id())).isInstanceOf(InvalidInput.class);
      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, null, ADDRESS))
          .isInstanceOf(SignInRefused.class);
      String code = currentCode(enrollment);
      accounts.signIn("aigerim", PASSWORD, code, ADDRESS);
      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, code, ADDRESS))
          .as("the same code again")
          .isInstanceOf(SignInRefused.class);
      clock.advance(Duration.ofSeconds(30));
      assertThatThrownBy(
              () ->
                  accounts.signIn("aigerim", "wrong passphrase", currentCode(enrollment), ADDRESS))
          .isInstanceOf(SignInRefused.class);
      accounts.signIn("aigerim", PASSWORD, currentCode(enrollment), ADDRESS);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void acceptsEachRecoveryCodeOnce(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User user = accounts.createUser("aigerim", "Aigerim", Role.EDITOR, PASSWORD);
      TotpEnrollment enrollment = accounts.enrollTotp(user.id());
      List<String> recoveryCodes = accounts.confirmTotp(user.id(), currentCode(enrollment));
      String first = recoveryCodes.get(0);

      assertThat(first).matches("[0-9a-z]{5}(-[0-9a-z]{5}){4}");
      assertThatThrownBy(() -> accounts.signIn("aigerim", "wrong passphrase", first, ADDRESS))
          .isInstanceOf(SignInRefused.class);
      accounts.signIn(
          "aigerim",
          PASSWORD,
          " " + first.toUpperCase(java.util.Locale.ROOT).replace("-", " ") + " ",
          ADDRESS);
      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, first, ADDRESS))
          .isInstanceOf(SignInRefused.class);
      accounts.signIn("aigerim", PASSWORD, recoveryCodes.get(1), ADDRESS);
      assertThat(tableText(database, "recovery_codes")).doesNotContain(first.replace("-", ""));

      accounts.resetTotp(user.id());
      assertThat(accounts.user(user.id()).totpEnabled()).isFalse();
      accounts.signIn("aigerim", PASSWORD, null, ADDRESS);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void flagsAnAdministratorWithoutASecondFactorUntilEnrolled(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User administrator = accounts.createUser("root.admin", "Admin", Role.ADMINISTRATOR, PASSWORD);

      SignInResult result = accounts.signIn("root.admin", PASSWORD, null, ADDRESS);
      Principal principal = result.principal();

      assertThat(principal.mustEnrollTotp()).isTrue();
      assertThat(accounts.session(result.sessionToken()).orElseThrow().mustEnrollTotp()).isTrue();
      assertThatThrownBy(() -> principal.require(Role.VIEWER, "read cases"))
          .isInstanceOf(NotPermitted.class);
      TotpEnrollment enrollment = accounts.enrollTotp(principal.userId());
      accounts.confirmTotp(principal.userId(), currentCode(enrollment));
      Principal enrolled = accounts.session(result.sessionToken()).orElseThrow();
      assertThat(enrolled.mustEnrollTotp()).isFalse();
      enrolled.require(Role.ADMINISTRATOR, "manage accounts");
      assertThat(accounts.user(administrator.id()).mustEnrollTotp()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void refusesADisabledUserAndEndsTheirSessionsAndTokens(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User user = accounts.createUser("aigerim", "Aigerim", Role.EDITOR, PASSWORD);
      String session = accounts.signIn("aigerim", PASSWORD, null, ADDRESS).sessionToken();
      String token = accounts.createApiToken(user.id(), "script", Duration.ofDays(30)).rawToken();

      accounts.disable(user.id());

      assertThatThrownBy(() -> accounts.signIn("aigerim", PASSWORD, null, ADDRESS))
          .isInstanceOf(SignInRefused.class)
          .hasMessage("wrong name, password or code");
      assertThat(accounts.session(session)).isEmpty();
      assertThat(accounts.apiToken(token)).isEmpty();
      accounts.enable(user.id());
      accounts.signIn("aigerim", PASSWORD, null, ADDRESS);
      assertThat(accounts.apiToken(token)).as("revoked by the disabling").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void storesApiTokensHashedAndHonoursExpiryAndRevocation(TestStore store) {
    try (Database database = store.open()) {
      AccountService accounts = accounts(database);
      User user = accounts.createUser("aigerim", "Aigerim", Role.EDITOR, PASSWORD);
      User other = accounts.createUser("boris", "Boris", Role.EDITOR, PASSWORD);
      NewApiToken created =
          accounts.createApiToken(user.id(), "nightly export", Duration.ofDays(90));
      NewApiToken shortLived = accounts.createApiToken(user.id(), "one hour", Duration.ofHours(1));

      assertThat(created.rawToken()).matches("cbk_[A-Za-z0-9_-]{43}");
      assertThat(created.toString()).doesNotContain(created.rawToken());
      assertThat(tableText(database, "api_tokens"))
          .doesNotContain(created.rawToken(), created.rawToken().substring(4))
          .contains(sha256(created.rawToken()));
      Principal principal = accounts.apiToken(created.rawToken()).orElseThrow();
      assertThat(principal.userId()).isEqualTo(user.id());
      assertThat(principal.credential().kind()).isEqualTo(Principal.CredentialKind.API_TOKEN);
      assertThat(principal.csrfToken()).isNull();
      assertThat(accounts.csrfMatches(principal, null)).isFalse();
      assertThat(accounts.apiToken("cbk_" + "A".repeat(43))).isEmpty();
      assertThat(accounts.apiToken(created.rawToken().substring(4))).isEmpty();

      clock.advance(Duration.ofHours(1));
      assertThat(accounts.apiToken(shortLived.rawToken())).isEmpty();
      assertThat(accounts.apiToken(created.rawToken())).isPresent();
      assertThat(accounts.apiTokens(user.id()))
          .extracting(ApiToken::name, apiToken -> apiToken.activeAt(clock.instant()))
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("one hour", false),
              org.assertj.core.groups.Tuple.tuple("nightly export", true));
      assertThat(accounts.apiTokens(user.id()).get(1).lastUsedAt()).isEqualTo(clock.instant());

      assertThatThrownBy(() -> accounts.revokeApiToken(other.id(), created.token().id()))
          .isInstanceOf(NoSuchRecord.class);
      accounts.revokeApiToken(user.id(), created.token().id());
      assertThat(accounts.apiToken(created.rawToken())).isEmpty();
      assertThatThrownBy(() -> accounts.createApiToken(user.id(), "forever", Duration.ofDays(3650)))
          .isInstanceOf(InvalidInput.class);
    }
  }

  private String currentCode(TotpEnrollment enrollment) {
    return Totp.code(enrollment.secret(), Totp.step(clock.instant()), Totp.DIGITS);
  }

  private static String sha256(String text) {
    return Secrets.sha256Hex(text);
  }

  /** Every value of every row of {@code table}, as text, to look for what must not be stored. */
  static String tableText(Database database, String table) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle.createQuery("SELECT * FROM " + table).mapToMap().list().stream()
                    .map(Map::values)
                    .map(String::valueOf)
                    .reduce("", String::concat));
  }
}
