package org.casebook.generate;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.casebook.access.Role;
import org.casebook.accounts.AccountService;
import org.casebook.accounts.User;
import org.jdbi.v3.core.Jdbi;

/**
 * The accounts a generated corpus comes with, for the search benchmark: each is put on the teams of
 * a fixed share of the case files, spread evenly over the corpus (every hundredth case file, every
 * tenth), so that "a viewer with access to 1% of the case files" is the same set for a seed.
 * Their passwords are random and shown nowhere; set one with {@code casebook user passwd NAME} to
 * sign in as them. The benchmark acts as them through their ids, and through API tokens it makes.
 */
public final class BenchUsers {
  /** A viewer on 1% of the case files, without the restricted grant. */
  public static final String VIEWER = "bench-viewer";

  /** An editor on 10% of the case files, with the restricted grant on them. */
  public static final String EDITOR = "bench-editor";

  /** One account of the corpus and the case files it is on: those whose number is a multiple of {@code every}. */
  public record Account(String name, Role role, int every, boolean restrictedGrant) {
    boolean isOn(long caseNumber) {
      return caseNumber % every == 0;
    }
  }

  public static final List<Account> ACCOUNTS =
      List.of(new Account(VIEWER, Role.VIEWER, 100, false), new Account(EDITOR, Role.EDITOR, 10, true));

  private BenchUsers() {}

  /** Creates the accounts that do not exist yet and returns their team memberships. */
  static List<BulkWriter.TeamMembership> ensure(AccountService accounts, Jdbi jdbi) {
    return ACCOUNTS.stream()
        .map(
            account -> {
              User user =
                  accounts
                      .findUser(account.name())
                      .orElseGet(
                          () ->
                              accounts.createUser(
                                  account.name(), "Benchmark " + account.role().name().toLowerCase(java.util.Locale.ROOT),
                                  account.role(), randomPassword()));
              long key =
                  jdbi.withHandle(
                      handle ->
                          handle
                              .createQuery("SELECT id FROM users WHERE public_id = :id")
                              .bind("id", user.id())
                              .mapTo(Long.class)
                              .one());
              return new BulkWriter.TeamMembership(
                  key, account.restrictedGrant(), bundle -> account.isOn(bundle.number()));
            })
        .toList();
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
