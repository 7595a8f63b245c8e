package org.casebook.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.casebook.app.Casebook;
import org.casebook.crypto.FieldCipher;
import org.casebook.crypto.KeyRotation;
import org.casebook.crypto.ReEncryption;
import org.casebook.storage.SealedColumns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code casebook keys rotate|reencrypt}: a new key for the restricted fields, and the
 * re-encryption of what the old keys sealed. Servers keep running meanwhile: they notice the new
 * key file within seconds and read values under old and new keys alike.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Rotate the keys that encrypt restricted fields.",
    subcommands = {KeysCommand.Rotate.class, KeysCommand.ReEncrypt.class})
final class KeysCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Add a new key and make it the one that seals from now on; old keys stay to read old values.",
        "Then re-encrypts every sealed value under the new key (resumable: see 'keys reencrypt')."
      })
  static final class Rotate implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Casebook casebook = Casebook.open(store.settings(), Clock.systemUTC())) {
        int keyId = new KeyRotation(casebook.keyring()).rotate();
        System.out.println("New primary key " + keyId + " in " + casebook.settings().keyFile());
        return reEncrypt(casebook);
      }
    }
  }

  @Command(
      name = "reencrypt",
      mixinStandardHelpOptions = true,
      description = "Re-encrypt what older keys sealed under the current key, resuming where a stopped run left off.")
  static final class ReEncrypt implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (Casebook casebook = Casebook.open(store.settings(), Clock.systemUTC())) {
        return reEncrypt(casebook);
      }
    }
  }

  private static int reEncrypt(Casebook casebook) {
    ConsoleProgress progress = new ConsoleProgress(System.err);
    ReEncryption.Summary summary;
    try {
      summary =
          new ReEncryption(
                  casebook.database().jdbi(), new FieldCipher(casebook.keyring()), SealedColumns.ALL, progress)
              .runToCompletion();
    } finally {
      progress.finish();
    }
    System.out.println(
        "Re-encrypted " + summary.reEncrypted() + " of " + summary.examined() + " sealed values"
            + (summary.undecryptable().isEmpty() ? "" : "; " + summary.undecryptable().size() + " could not be read")
            + (summary.leftBehind().isEmpty() ? "" : "; " + summary.leftBehind().size() + " left for a later run"));
    return summary.undecryptable().isEmpty() && summary.leftBehind().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
  }
}
