package org.casebook.cli;

import java.time.Clock;
import org.casebook.app.Casebook;
import org.casebook.search.SearchIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code casebook reindex}: rebuilds the search index from the database, with a progress line. The
 * server must be stopped (it holds the index); a server also rebuilds by itself at start when the
 * index does not agree with the database.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the search index (<data-dir>/index) from the database.",
      "Stop the server first: it holds the index while it runs, and checks it against the database when it starts."
    })
final class ReindexCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    try (Casebook casebook = Casebook.open(store.settings(), Clock.systemUTC())) {
      ConsoleProgress progress = new ConsoleProgress(System.err);
      SearchIndexer.Rebuilt rebuilt;
      try {
        rebuilt = casebook.searchIndexer().rebuild(progress);
        casebook.searchIndexer().drain();
      } finally {
        progress.finish();
      }
      long millis = Math.max(1, rebuilt.took().toMillis());
      System.out.println(
          "Indexed " + rebuilt.documents() + " records in " + millis + " ms ("
              + rebuilt.documents() * 1000 / millis + " a second).");
      return ExitCode.OK;
    }
  }
}
