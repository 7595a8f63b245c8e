package org.casebook.bench;

import java.util.ArrayList;
import java.util.List;
import org.casebook.common.InvalidInput;

/**
 * The targets {@code casebook bench search --targets} knows, by name. A new target (Casebook's
 * search service, its HTTP API, a bare {@code IndexSearcher}) is one more case in {@link #create}
 * and one more name in {@link #KNOWN}; everything else (the query mix, the runs, the report) is
 * shared.
 */
public final class BenchTargets {
  /** PostgreSQL full-text search trimmed to the viewer, the reference the others are compared with. */
  public static final String POSTGRES = "postgres-fts";

  /** PostgreSQL full-text search over everything, as for an administrator. */
  public static final String POSTGRES_ALL = "postgres-fts-all";

  public static final List<String> KNOWN = List.of(POSTGRES, POSTGRES_ALL);

  private BenchTargets() {}

  /**
   * The targets named, in order, over the corpus of {@code context}.
   *
   * @throws InvalidInput on the field {@code targets} for an unknown name, or a PostgreSQL target
   *     on a store that is not PostgreSQL
   */
  public static List<BenchTarget> create(List<String> names, BenchContext context) {
    var database = context.casebook().database();
    PostgresFullText.Table table = new PostgresFullText.Table(database.jdbi());
    List<BenchTarget> targets = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case POSTGRES, POSTGRES_ALL -> {
          if (!database.isPostgres()) {
            throw new InvalidInput("targets", name + " needs a PostgreSQL database, not " + database.describe());
          }
          targets.add(new PostgresFullText(database.jdbi(), table, context.viewer(), name.equals(POSTGRES)));
        }
        default -> throw new InvalidInput("targets", "\"" + name + "\" is not a target; known: " + String.join(", ", KNOWN));
      }
    }
    return targets;
  }
}
