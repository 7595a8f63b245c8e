package org.casebook.search.opensearch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.casebook.search.DateSpan;
import org.casebook.search.Facet;
import org.casebook.search.SearchQuery;
import org.casebook.search.Trim;
import org.casebook.search.lucene.TextAnalysis;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Writes Casebook's queries in OpenSearch's query language: the scored text query, which the
 * Lucene translator builds ({@link TextAnalysis#textQuery}), node for node, and the filters
 * (trim, facets, date range) in the same way as the Lucene backend's {@code QueryTranslator}.
 * Boosts are carried down to the leaves: scores of a sum and of a disjunction's best with its tie
 * breaker grow in proportion, so a boost on a node equals the same boost on each of its leaves.
 *
 * <p>Thread-safe: it keeps no state.
 */
final class Queries {

  /** The text query in OpenSearch's language. */
  Query text(org.apache.lucene.search.Query query) {
    return text(query, 1f);
  }

  private Query text(org.apache.lucene.search.Query query, float boost) {
    if (query instanceof BoostQuery boosted) {
      return text(boosted.getQuery(), boost * boosted.getBoost());
    } else if (query instanceof BooleanQuery bool) {
      BoolQuery.Builder built = new BoolQuery.Builder();
      for (BooleanClause clause : bool.clauses()) {
        Query converted = text(clause.getQuery(), boost);
        switch (clause.getOccur()) {
          case MUST -> built.must(converted);
          case SHOULD -> built.should(converted);
          case FILTER -> built.filter(converted);
          case MUST_NOT -> built.mustNot(converted);
        }
      }
      if (bool.getMinimumNumberShouldMatch() > 0) {
        built.minimumShouldMatch(Integer.toString(bool.getMinimumNumberShouldMatch()));
      }
      return built.build().toQuery();
    } else if (query instanceof DisjunctionMaxQuery disjunction) {
      List<Query> alternatives = new ArrayList<>();
      for (org.apache.lucene.search.Query alternative : disjunction.getDisjuncts()) {
        alternatives.add(text(alternative, boost));
      }
      return Query.of(q -> q.disMax(max -> max.queries(alternatives).tieBreaker((double) disjunction.getTieBreakerMultiplier())));
    } else if (query instanceof TermQuery term) {
      return Query.of(q -> q.term(t -> t.field(Layout.field(term.getTerm().field())).value(FieldValue.of(term.getTerm().text())).boost(boost)));
    } else if (query instanceof PhraseQuery phrase) {
      Term[] terms = phrase.getTerms();
      String words = String.join(" ", Arrays.stream(terms).map(Term::text).toList());
      return Query.of(q -> q.matchPhrase(m -> m.field(Layout.field(phrase.getField())).query(words).slop(phrase.getSlop()).boost(boost)));
    } else if (query instanceof FuzzyQuery fuzzy) {
      return Query.of(q -> q.fuzzy(f -> f.field(Layout.field(fuzzy.getTerm().field())).value(FieldValue.of(fuzzy.getTerm().text()))
          .fuzziness(Integer.toString(fuzzy.getMaxEdits())).prefixLength(fuzzy.getPrefixLength())
          .maxExpansions(TextAnalysis.FUZZY_EXPANSIONS).transpositions(fuzzy.getTranspositions()).boost(boost)));
    } else if (query instanceof PrefixQuery prefix) {
      // A scored beginning (see QueryTranslator#prefix) is rewritten in the cluster as it is here.
      String rewrite =
          prefix.getRewriteMethod() instanceof MultiTermQuery.TopTermsBlendedFreqScoringRewrite scored
              ? "top_terms_blended_freqs_" + scored.getSize()
              : null;
      return Query.of(q -> q.prefix(p -> p.field(Layout.field(prefix.getField())).value(prefix.getPrefix().text()).rewrite(rewrite).boost(boost)));
    } else if (query instanceof MatchAllDocsQuery) {
      return Query.of(q -> q.matchAll(all -> all.boost(boost)));
    } else if (query instanceof MatchNoDocsQuery) {
      return Query.of(q -> q.matchNone(none -> none));
    }
    throw new IllegalArgumentException("no OpenSearch form for the query " + query.getClass().getSimpleName());
  }

  /** The whole query: the text (or everything) filtered by facets, dates and the trim. */
  Query query(SearchQuery search, Query text, Trim trim) {
    BoolQuery.Builder query = new BoolQuery.Builder();
    query.must(text == null ? Query.of(q -> q.matchAll(all -> all)) : text);
    Query trimming = trim(trim);
    if (trimming != null) {
      query.filter(trimming);
    }
    for (Facet facet : Facet.values()) {
      Set<String> values = search.filter(facet);
      if (!values.isEmpty()) {
        query.filter(terms(Layout.facetField(facet), values.stream().toList()));
      }
    }
    DateSpan range = search.range();
    if (range != null) {
      long from = Layout.day(range.from(), Long.MIN_VALUE);
      long to = Layout.day(range.to(), Long.MAX_VALUE);
      query.filter(Query.of(q -> q.range(r -> r.field(Layout.TO).gte(JsonData.of(from)).lte(JsonData.of(Long.MAX_VALUE)))));
      query.filter(Query.of(q -> q.range(r -> r.field(Layout.FROM).gte(JsonData.of(Long.MIN_VALUE)).lte(JsonData.of(to)))));
    }
    return query.build().toQuery();
  }

  /** The filter of what a caller may see, or null for a caller who sees everything. */
  static Query trim(Trim trim) {
    if (trim.everything()) {
      return null;
    }
    List<Query> visible = new ArrayList<>();
    if (!trim.caseIds().isEmpty()) {
      visible.add(terms(Layout.ACL, trim.caseIds().stream().map(UUID::toString).sorted().toList()));
    }
    if (trim.creator() != null) {
      visible.add(Query.of(q -> q.term(t -> t.field(Layout.CREATOR).value(FieldValue.of(trim.creator())))));
    }
    if (visible.isEmpty()) {
      return Query.of(q -> q.matchNone(none -> none));
    }
    return Query.of(q -> q.bool(b -> b.should(visible).minimumShouldMatch("1")));
  }

  private static Query terms(String field, List<String> values) {
    List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(list -> list.value(terms))));
  }
}
