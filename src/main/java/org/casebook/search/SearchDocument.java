package org.casebook.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.dates.PartialDate;

/**
 * One record as the search index holds it, whatever the backend. {@link SearchDocuments} makes
 * these from the database; a backend stores them, matches queries against the text fields, and
 * gives back the stored ones in hits. Only what every reader of the record may see goes in: never
 * a restricted record, a note, or the identity of a protected person.
 *
 * <p>Text fields, each analysed for English, Russian and across scripts (see {@code
 * search/lucene/Analysis} for the Lucene backend):
 *
 * <ul>
 *   <li>{@code title}: the record's title or primary name; shown in hits, weighted highest;
 *   <li>{@code names}: the record's other names, and the names of the persons and organizations it
 *       concerns (an event's participants, a proceeding's parties, a case file's persons and
 *       organizations), so that any spelling of a person finds their records;
 *   <li>{@code body}: the longer text: description, summary, full text; snippets come from here
 *       (or from {@code names} when the body does not match);
 *   <li>{@code charges}: searched, never shown: the charges of a proceeding in words, such as
 *       "article 274 part 2 clause 3 статья 274 часть 2 пункт 3".
 * </ul>
 *
 * @param kind what the record is
 * @param id its public id
 * @param version its version, for the agreement check between index and database ({@link #fingerprint()})
 * @param access who may find it
 * @param title shown as the hit's title
 * @param names other names, one per element
 * @param body the longer text, possibly empty
 * @param charges the charges in words, possibly empty
 * @param citations exact forms of the charges for {@link QueryText.Provision} clauses, from {@link
 *     Citations#keys}: {@code 274}, {@code 274(2)}, {@code kz-cc 274(2)} ...
 * @param date the date shown and sorted on, or null
 * @param span the days the record's dates cover, for the date-range filter, or null
 * @param facets the facet values of the record, except {@link Facet#KIND} (which is {@code kind})
 */
public record SearchDocument(
    RecordKind kind,
    UUID id,
    int version,
    Access access,
    String title,
    List<String> names,
    String body,
    String charges,
    Set<String> citations,
    PartialDate date,
    DateSpan span,
    Map<Facet, Set<String>> facets) {

  public SearchDocument {
    names = List.copyOf(names);
    body = body == null ? "" : body;
    charges = charges == null ? "" : charges;
    citations = Set.copyOf(citations);
    Map<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
    facets.forEach((facet, values) -> copy.put(facet, Set.copyOf(values)));
    copy.put(Facet.KIND, Set.of(kind.code()));
    facets = Map.copyOf(copy);
  }

  public RecordRef ref() {
    return new RecordRef(kind, id);
  }

  /** This document's part of its kind's fingerprint: see {@link #fingerprint(UUID, int)}. */
  public long fingerprint() {
    return fingerprint(id, version);
  }

  /**
   * A 64-bit hash of a record's id and version. Summed over the records of a kind (with
   * wrap-around), it is the fingerprint that the check at start compares between the index and the
   * database ({@link IndexStats#fingerprints()}): it differs, all but surely, as soon as one record
   * is missing, extra, or at another version, even when the counts agree. Backends store it with
   * each document.
   */
  public static long fingerprint(UUID id, int version) {
    long hash = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
    hash ^= version * 0xC2B2AE3D27D4EB4FL;
    hash ^= hash >>> 33;
    hash *= 0xFF51AFD7ED558CCDL;
    hash ^= hash >>> 33;
    hash *= 0xC4CEB9FE1A85EC53L;
    return hash ^ (hash >>> 33);
  }

  /** The values of one facet, empty if none. */
  public Set<String> facet(Facet facet) {
    return facets.getOrDefault(facet, Set.of());
  }
}
