package org.casebook.bench;

import java.util.ArrayList;
import java.util.List;
import org.casebook.common.InvalidInput;
import org.casebook.transfer.Progress;

/**
 * The targets {@code casebook bench search --targets} knows, by name. A new target is one more case
 * in {@link #create} and one more name in {@link #KNOWN}; everything else (the query mix, the runs,
 * the report) is shared.
 */
public final class BenchTargets {
  /** PostgreSQL full-text search trimmed to the viewer, the reference the others are compared with. */
  public static final String POSTGRES = "postgres-fts";

  /** PostgreSQL full-text search over everything, as for an administrator. */
  public static final String POSTGRES_ALL = "postgres-fts-all";

  /** Casebook's search service as the viewer, over the Lucene index: see {@link LuceneService}. */
  public static final String LUCENE_SERVICE = "lucene-service";

  /** Casebook's search API through HTTP: see {@link LuceneHttp}. */
  public static final String LUCENE_HTTP = "lucene-http";

  /** A bare Lucene searcher over the same index, the floor: see {@link LuceneBare}. */
  public static final String LUCENE_BARE = "lucene-bare";

  public static final List<String> KNOWN = List.of(POSTGRES, POSTGRES_ALL, LUCENE_SERVICE, LUCENE_HTTP, LUCENE_BARE);

  /** What {@code --targets} runs when not given: the trimmed ones and the floor, not the slow untrimmed PostgreSQL. */
  public static final List<String> DEFAULT = List.of(POSTGRES, LUCENE_SERVICE, LUCENE_HTTP, LUCENE_BARE);

  private BenchTargets() {}

  /** {@link #create(List, BenchContext, Progress, boolean, boolean)} without a progress display, building everything. */
  public static List<BenchTarget> create(List<String> names, BenchContext context) {
    return create(names, context, Progress.NONE, false, false);
  }

  /**
   * The targets named, in order, over the corpus of {@code context}. The PostgreSQL targets share
   * one full-text table, the Lucene targets one index (rebuilt, with {@code progress}, by the first
   * of them to prepare). With {@code reuseFullTextTable}, the PostgreSQL table an earlier run left
   * is searched as it is; with {@code reuseIndex}, so is a Lucene index that agrees with the database.
   *
   * @throws InvalidInput on the field {@code targets} for an unknown name, or a PostgreSQL target
   *     on a store that is not PostgreSQL
   */
  public static List<BenchTarget> create(
      List<String> names, BenchContext context, Progress progress, boolean reuseFullTextTable, boolean reuseIndex) {
    var database = context.casebook().database();
    PostgresFullText.Table table = new PostgresFullText.Table(database.jdbi(), reuseFullTextTable);
    LuceneIndex index = new LuceneIndex(context.casebook(), progress, reuseIndex);
    List<BenchTarget> targets = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case POSTGRES, POSTGRES_ALL -> {
          if (!database.isPostgres()) {
            throw new InvalidInput("targets", name + " needs a PostgreSQL database, not " + database.describe());
          }
          targets.add(new PostgresFullText(database.jdbi(), table, context.viewer(), name.equals(POSTGRES)));
        }
        case LUCENE_SERVICE -> targets.add(new LuceneService(index, context.viewer()));
        case LUCENE_HTTP -> targets.add(new LuceneHttp(index, context.viewer()));
        case LUCENE_BARE -> targets.add(new LuceneBare(index));
        default -> throw new InvalidInput("targets", "\"" + name + "\" is not a target; known: " + String.join(", ", KNOWN));
      }
    }
    return targets;
  }
}
