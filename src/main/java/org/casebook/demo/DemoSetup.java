package org.casebook.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import org.casebook.accounts.Totp;
import org.casebook.accounts.User;
import org.casebook.app.Casebook;
import org.casebook.common.CasebookException;
import org.casebook.transfer.ImportResult;
import org.casebook.transfer.Progress;

/**
 * Sets up the demonstration: the demo case (the public case of Dinara Smailova), and an account
 * for each role with a fresh password each time, so that a newcomer can sign in at once. Runs
 * only on an empty data folder or one it set up itself (it leaves a {@code DEMO} marker there), so
 * that the demo never touches real data.
 */
public final class DemoSetup {
  /** The file that marks a data folder as the demo's. */
  public static final String MARKER = "DEMO";

  /** The demo case's files, as packed into the jar from the project's demo/ folder. */
  static final List<String> FILES =
      List.of(
          "smailova.yaml",
          "sources/un-communication-AL-KAZ-1-2024.txt",
          "sources/kazakhstan-government-reply-2024-05-27.md");

  private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** A demo account and how to sign in as it. */
  public record Account(String name, Role role, String password, String totpSecret, String note) {}

  /** What the demo set up: the case and the accounts. */
  public record Result(ImportResult imported, List<Account> accounts) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DemoSetup(Clock clock) {
    this.clock = clock;
  }

  /**
   * Refuses a data folder that holds anything but the demo: one with records or accounts and no
   * demo marker. Marks an empty one as the demo's.
   */
  public static void claimDataFolder(Casebook casebook) {
    Path marker = casebook.dataDir().resolve(MARKER);
    if (Files.exists(marker)) {
      return;
    }
    long records =
        casebook.database().jdbi().withHandle(
            handle ->
                handle.createQuery("SELECT (SELECT COUNT(*) FROM case_files) + (SELECT COUNT(*) FROM users)").mapTo(Long.class).one());
    if (records > 0 || !casebook.settings().embeddedDatabase()) {
      throw new NotADemoFolder(casebook.dataDir());
    }
    try {
      Files.createDirectories(casebook.dataDir());
      Files.writeString(marker, "This data folder holds the Casebook demo. Delete the folder to start again.\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot mark " + casebook.dataDir() + " as the demo's", e);
    }
  }

  /** Whether the data folder of {@code casebook} is the demo's. */
  public static boolean isDemo(Casebook casebook) {
    return Files.exists(casebook.dataDir().resolve(MARKER));
  }

  /** Loads (or refreshes) the demo case and the demo accounts. */
  public Result setUp(Casebook casebook) throws IOException {
    claimDataFolder(casebook);
    ImportResult imported;
    Path folder = unpack();
    try {
      imported = casebook.importer().importFile(Caller.system("demo"), folder.resolve(FILES.get(0)), false, Progress.NONE);
    } finally {
      deleteTree(folder);
    }
    List<Account> accounts = new ArrayList<>();
    accounts.add(account(casebook, "demo-admin", Role.ADMINISTRATOR, imported.caseId(), false, "sees every case file; manages accounts and teams"));
    accounts.add(account(casebook, "demo-editor", Role.EDITOR, imported.caseId(), true, "on the demo case's team, with the restricted grant"));
    accounts.add(account(casebook, "demo-viewer", Role.VIEWER, imported.caseId(), false, "on the demo case's team, without the restricted grant"));
    return new Result(imported, accounts);
  }

  private Account account(Casebook casebook, String name, Role role, UUID caseId, boolean grant, String note) {
    String password = password();
    User user =
        casebook.accounts().findUser(name).orElseGet(() -> casebook.accounts().createUser(name, name, role, password));
    casebook.accounts().setPassword(user.id(), password);
    String totpSecret = null;
    if (role.requiresTotp()) {
      casebook.accounts().resetTotp(user.id());
      totpSecret = casebook.accounts().enrollTotp(user.id()).secret();
      casebook.accounts().confirmTotp(user.id(), Totp.code(totpSecret, Totp.step(clock.instant()), Totp.DIGITS));
    } else {
      casebook.teams().addMember(caseId, user.id(), grant);
    }
    return new Account(name, role, password, totpSecret, note);
  }

  private String password() {
    StringBuilder password = new StringBuilder();
    for (int index = 0; index < 20; index++) {
      if (index > 0 && index % 5 == 0) {
        password.append('-');
      }
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  /** Copies the demo files out of the jar into a temporary folder. */
  static Path unpack() throws IOException {
    Path folder = Files.createTempDirectory("casebook-demo");
    for (String file : FILES) {
      try (InputStream in = DemoSetup.class.getResourceAsStream("/demo/" + file)) {
        if (in == null) {
          throw new IllegalStateException("the demo file " + file + " is missing from the build");
        }
        Path target = folder.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
    return folder;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The demo refuses a data folder that holds real data. Maps to 409. */
  public static final class NotADemoFolder extends CasebookException {
    private static final long serialVersionUID = 1L;

    NotADemoFolder(Path folder) {
      super(
          "the data folder " + folder.toAbsolutePath().normalize() + " holds data that is not the demo's;"
              + " casebook demo runs only on an empty folder or one it set up (give another with --data-dir)");
    }

    @Override
    public String problemType() {
      return "not-a-demo-folder";
    }

    @Override
    public int httpStatus() {
      return 409;
    }
  }
}
