package org.casebook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.app.Casebook;
import org.casebook.common.NotPermitted;
import org.casebook.common.PageRequest;
import org.casebook.common.Recorded;
import org.casebook.common.Confidentiality;
import org.casebook.communications.CommunicationStore;
import org.casebook.dates.PartialDate;
import org.casebook.events.EventStore;
import org.casebook.organizations.OrganizationStore;
import org.casebook.people.Person;
import org.casebook.people.PersonStore;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.sources.SourceStore;
import org.casebook.cases.CaseStore;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What search must do, whatever the backend: every backend gets a subclass that says how to open
 * it ({@link #openBackend}), and the whole suite runs against it. The records are {@link
 * SearchCorpus}'s, written through the services (on H2) and indexed through the outbox and {@link
 * SearchIndexer} like any others.
 *
 * <p>A backend in another Maven module runs the suite by depending on this module's test classes
 * (artifact {@code casebook}, classifier {@code tests}, scope test) and subclassing it in the
 * package {@code org.casebook.search} of its own test sources, as {@link
 * LuceneSearchBehaviourTest} does here. The suite needs a backend that starts empty and is
 * searchable after {@link SearchBackend#commit}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchBehaviourTest {
  private Path folder;
  private Casebook casebook;
  private SearchBackend backend;
  private SearchService search;
  private SearchCorpus corpus;

  /** The backend under test, over an empty index kept in {@code folder}. */
  protected abstract SearchBackend openBackend(Path folder);

  @BeforeAll
  void indexTheCorpus() throws Exception {
    folder = Files.createTempDirectory("casebook-search-behaviour");
    casebook = TestCasebook.open(TestStore.H2, folder);
    corpus = SearchCorpus.build(casebook);
    backend = openBackend(folder.resolve("index-under-test"));
    SearchIndexer indexer = new SearchIndexer(casebook.database().jdbi(), backend);
    indexer.catchUp();
    search = new SearchService(casebook.database().jdbi(), backend);
  }

  @AfterAll
  void close() {
    if (backend != null) {
      backend.close();
    }
    if (casebook != null) {
      casebook.close();
    }
  }

  private SearchResult find(Caller caller, String text) {
    return search.search(caller, SearchQuery.of(text));
  }

  private SearchResult find(String text) {
    return find(TestCasebook.TESTER, text);
  }

  private static List<UUID> ids(SearchResult result) {
    return result.hits().stream().map(SearchHit::id).toList();
  }

  private static Set<RecordKind> kinds(SearchResult result) {
    Set<RecordKind> kinds = new java.util.HashSet<>();
    result.facet(Facet.KIND).forEach(count -> kinds.add(RecordKind.byCode(count.value()).orElseThrow()));
    return kinds;
  }

  @ParameterizedTest
  @ValueSource(strings = {"Смаилова", "Smailova", "SMAÏLOVA", "smaïlova", "Динара Смаилова", "dinara smailova"})
  void findsAPersonInEitherScriptAndAnyCase(String spelling) {
    assertThat(ids(find(spelling))).as(spelling).contains(corpus.dinara);
  }

  @Test
  void latinLettersFindCyrillicTextAndBack() {
    SearchResult latin = find("Seitkali");
    assertThat(latin.hits()).anyMatch(hit -> hit.kind() == RecordKind.SOURCE && hit.title().equals("Статья о задержании активистов"));
    assertThat(ids(find("Сейткали"))).contains(corpus.zhanar);
    assertThat(search.search(TestCasebook.TESTER, query("Dinara Smailova", Map.of(Facet.KIND, Set.of("source")))).hits())
        .as("a Russian text that names her in Cyrillic only")
        .extracting(SearchHit::title)
        .contains("Статья о задержании активистов");
  }

  @Test
  void anAliasFindsThePersonAndTheirRecords() {
    SearchResult alias = find("Tansari");
    assertThat(ids(alias)).contains(corpus.dinara);
    assertThat(kinds(alias)).contains(RecordKind.PERSON, RecordKind.CASE, RecordKind.EVENT, RecordKind.PROCEEDING);
    assertThat(alias.total()).isEqualTo(find("\"Dina Tansari\"").total());
    assertThat(ids(find("Qyzgaldaq"))).contains(corpus.zhanar, corpus.secondCase);
  }

  @Test
  void kazakhLettersAreFoldedSensibly() {
    for (String spelling : List.of("Жаңаөзен", "Жанаозен", "Zhanaozen", "ЖАҢАӨЗЕН")) {
      assertThat(find(spelling).hits()).as(spelling).anyMatch(hit -> hit.title().equals("Activists detained after the rally"));
    }
  }

  @Test
  void phrasesKeepTheirWordsInOrder() {
    List<String> phrase = find("\"knowingly false information\"").hits().stream().map(SearchHit::title).toList();
    assertThat(phrase).isNotEmpty().doesNotContain("Activists detained after the rally");
    assertThat(find("knowingly false information").hits()).extracting(SearchHit::title).contains("Activists detained after the rally");
  }

  @Test
  void aWordEndingInAStarFindsEveryWordThatBeginsSo() {
    SearchResult smail = find("Смаил*");
    assertThat(smail.total()).as("her records and the letters about her").isGreaterThan(20);
    assertThat(ids(smail).get(0)).as("her own name first, above the texts that mention it").isEqualTo(corpus.dinara);
    assertThat(ids(find("seitk*"))).contains(corpus.zhanar);
    assertThat(ids(find("Qyzgal*"))).contains(corpus.zhanar);
  }

  @Test
  void suggestionsCompleteTheLastWordTypedInEitherScript() {
    Suggestions suggestions = new Suggestions(search);
    for (String typed : List.of("Смаи", "smai", "Dinara Sma", "Tansa")) {
      assertThat(suggestions.suggest(TestCasebook.TESTER, typed)).as(typed).extracting(Suggestions.Suggestion::id).contains(corpus.dinara);
    }
    assertThat(suggestions.suggest(TestCasebook.TESTER, "Smai"))
        .hasSizeLessThanOrEqualTo(Suggestions.LIMIT)
        .allMatch(suggestion -> Suggestions.KINDS.contains(suggestion.kind().code()))
        .extracting(Suggestions.Suggestion::title)
        .doesNotHaveDuplicates();
    assertThat(suggestions.suggest(TestCasebook.TESTER, "S")).as("one letter suggests nothing").isEmpty();
    assertThat(suggestions.suggest(TestCasebook.TESTER, "  ")).isEmpty();
    assertThat(suggestions.suggest(TestCasebook.TESTER, null)).isEmpty();
    assertThat(Suggestions.completing("Дина Смаи")).isEqualTo("Дина Смаи*");
    assertThat(Suggestions.completing("\"Dinara Sma")).as("inside a phrase").isEqualTo("\"Dinara Sma");
    assertThat(Suggestions.completing("Dinara S")).as("too short to be a beginning").isEqualTo("Dinara S");
    assertThat(Suggestions.completing("274(2)")).isEqualTo("274(2)");
  }

  @ParameterizedTest
  @MethodSource("callerNames")
  void suggestionsNameNothingTheCallerMayNotSee(String name) {
    Caller caller = caller(name);
    Suggestions suggestions = new Suggestions(search);
    List<String> canaries = new java.util.ArrayList<>(List.of(SearchCorpus.RESTRICTED, SearchCorpus.PROTECTED, SearchCorpus.NOTES));
    if (find(caller, SearchCorpus.UNLISTED).total() == 0) {
      canaries.add(SearchCorpus.UNLISTED);
    }
    for (String canary : canaries) {
      assertThat(suggestions.suggest(caller, canary.substring(0, 6)))
          .as(name + " " + canary)
          .noneMatch(suggestion -> suggestion.title().contains(canary));
    }
    Set<UUID> visible = new java.util.HashSet<>(ids(search.search(caller, query("Smailova", Map.of(), 100))));
    assertThat(suggestions.suggest(caller, "Smai")).extracting(Suggestions.Suggestion::id).allMatch(visible::contains);
  }

  @Test
  void anOutsiderIsSuggestedNothing() {
    Suggestions suggestions = new Suggestions(search);
    for (String typed : List.of("Smai", "Сейт", "Qyzg", "Tansa")) {
      assertThat(suggestions.suggest(corpus.outsider, typed)).as(typed).isEmpty();
    }
  }

  @Test
  void oneTypoInALongWordIsTolerated() {
    assertThat(ids(find("Smailovva"))).contains(corpus.dinara);
    assertThat(ids(find("Tansary"))).contains(corpus.dinara);
    assertThat(ids(find("Seitkalli"))).contains(corpus.zhanar);
    assertThat(find("Smaiilovva").total()).as("two typos").isZero();
    assertThat(find("Qyzz").total()).as("a short word has no typo").isZero();
  }

  @Test
  void russianWordsAreStemmed() {
    assertThat(find("активистки").hits()).extracting(SearchHit::title).contains("Статья о задержании активистов");
    assertThat(find("задержанию").hits()).extracting(SearchHit::title).contains("Статья о задержании активистов");
  }

  @Test
  void englishWordsAreStemmed() {
    assertThat(find("detaining").hits()).extracting(SearchHit::title).contains("Activists detained after the rally");
    assertThat(find("rallies").hits()).extracting(SearchHit::title).contains("Activists detained after the rally");
  }

  @ParameterizedTest
  @ValueSource(strings = {"274", "article 274 part 2", "Article 274, part 2", "статья 274 часть 2", "ст. 274 ч. 2", "ч. 2 ст. 274", "274(2)", "274(2)(3)", "KZ-CC 274(2)(3)", "статья 274 часть 2 пункт 3"})
  void articleNumbersFindTheProceedingsChargedUnderThem(String citation) {
    SearchResult found = search.search(TestCasebook.TESTER, query(citation, Map.of(Facet.KIND, Set.of("proceeding"))));
    assertThat(found.hits()).as(citation).extracting(SearchHit::title)
        .contains("May 2022 criminal case for violation of privacy and knowingly false information");
  }

  @Test
  void aProvisionDoesNotFindOtherPartsOfItsArticle() {
    SearchResult partOne = search.search(TestCasebook.TESTER, query("article 274 part 1", Map.of(Facet.KIND, Set.of("proceeding"))));
    assertThat(partOne.total()).isZero();
    SearchResult extremism = find("ст. 405 ч. 2");
    assertThat(extremism.hits()).extracting(SearchHit::title).containsExactly("Criminal case for participation in a banned organisation");
  }

  @Test
  void facetsCountEveryResultByKindCountryYearTypeStatusAndProvision() {
    SearchResult all = find("");
    long byKind = all.facet(Facet.KIND).stream().mapToLong(FacetCount::count).sum();
    assertThat(byKind).isEqualTo(all.total());
    Map<RecordKind, SearchDocuments.Expected> expected =
        casebook.database().jdbi().inTransaction(handle -> new SearchDocuments().expected(handle));
    for (RecordKind kind : RecordKind.values()) {
      assertThat(all.count(Facet.KIND, kind.code())).as(kind.code()).isEqualTo(expected.get(kind).count());
      SearchResult ofKind = search.search(TestCasebook.TESTER, query("", Map.of(Facet.KIND, Set.of(kind.code()))));
      assertThat(ofKind.total()).isEqualTo(expected.get(kind).count());
      assertThat(ofKind.hits()).allMatch(hit -> hit.kind() == kind);
    }
    SearchResult georgia = search.search(TestCasebook.TESTER, query("", Map.of(Facet.COUNTRY, Set.of("GE"))));
    assertThat(georgia.total()).isEqualTo(all.count(Facet.COUNTRY, "GE")).isPositive();
    SearchResult detentions = search.search(TestCasebook.TESTER, query("", Map.of(Facet.EVENT_TYPE, Set.of("detention"))));
    assertThat(detentions.total()).isEqualTo(all.count(Facet.EVENT_TYPE, "detention")).isPositive();
    assertThat(all.count(Facet.STATUS, "suspended")).isGreaterThanOrEqualTo(1);
    assertThat(all.count(Facet.STATUS, "opened")).as("a status that is no longer current is not counted")
        .isLessThan(countProceedingsEverOpened());
    assertThat(all.count(Facet.PROVISION, "KZ-CC 274")).isEqualTo(3);
    assertThat(all.count(Facet.PROVISION, "KZ-CC 405")).isEqualTo(1);
    SearchResult in2016 = search.search(TestCasebook.TESTER, query("", Map.of(Facet.YEAR, Set.of("2016"))));
    assertThat(in2016.total()).isEqualTo(all.count(Facet.YEAR, "2016")).isPositive();
    SearchResult narrowed = search.search(TestCasebook.TESTER, query("Smailova", Map.of(Facet.KIND, Set.of("event", "proceeding"))));
    assertThat(narrowed.total()).isEqualTo(find("Smailova").count(Facet.KIND, "event") + find("Smailova").count(Facet.KIND, "proceeding"));
  }

  private long countProceedingsEverOpened() {
    return casebook.database().jdbi().withHandle(
        handle -> handle.createQuery("SELECT COUNT(DISTINCT proceeding_id) FROM proceeding_status_changes WHERE status = 'opened'").mapTo(Long.class).one());
  }

  @Test
  void theDateRangeKeepsRecordsWhoseDatesOverlapIt() {
    SearchQuery secondHalfOf2016 =
        new SearchQuery("", Map.of(), PartialDate.parse("2016-07"), PartialDate.parse("2016-12"), SortOrder.RELEVANCE, 1, 100);
    SearchResult found = search.search(TestCasebook.TESTER, secondHalfOf2016);
    assertThat(found.hits()).extracting(SearchHit::title).contains("Activists detained after the rally").doesNotContain("Earlier protest in Tbilisi");
    DateSpan range = DateSpan.filter(secondHalfOf2016.from(), secondHalfOf2016.to());
    assertThat(found.hits()).allMatch(hit -> hit.date() != null || hit.kind() == RecordKind.PROCEEDING);
    assertThat(found.hits()).filteredOn(hit -> hit.kind() == RecordKind.EVENT).allMatch(hit -> DateSpan.of(hit.date()).overlaps(range));
    assertThat(found.facet(Facet.KIND)).noneMatch(count -> count.value().equals("person") || count.value().equals("case"));
    SearchQuery openStart = new SearchQuery("", Map.of(), null, PartialDate.parse("2015"), SortOrder.RELEVANCE, 1, 100);
    assertThat(search.search(TestCasebook.TESTER, openStart).hits()).extracting(SearchHit::title).contains("Earlier protest in Tbilisi");
  }

  @Test
  void resultsSortByDateNewestFirst() {
    SearchQuery byDate = new SearchQuery("", Map.of(Facet.KIND, Set.of("event", "source")), null, null, SortOrder.DATE, 1, 100);
    List<PartialDate> dates = search.search(TestCasebook.TESTER, byDate).hits().stream().map(SearchHit::date).toList();
    assertThat(dates).doesNotContainNull().hasSizeGreaterThan(10);
    List<PartialDate> sorted = new ArrayList<>(dates);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertThat(dates).isEqualTo(sorted);
    SearchQuery everything = new SearchQuery("", Map.of(), null, null, SortOrder.DATE, 1, 100);
    List<SearchHit> hits = search.search(TestCasebook.TESTER, everything).hits();
    int firstUndated = hits.stream().map(SearchHit::date).toList().indexOf(null);
    assertThat(hits.subList(Math.max(0, firstUndated), hits.size())).as("records without a date come last").allMatch(hit -> hit.date() == null);
  }

  @Test
  void pagesFollowEachOther() {
    SearchQuery first = new SearchQuery("Smailova", Map.of(), null, null, SortOrder.DATE, 1, 7);
    List<UUID> seen = new ArrayList<>();
    SearchResult page = search.search(TestCasebook.TESTER, first);
    for (int number = 1; number <= (page.total() + 6) / 7; number++) {
      seen.addAll(ids(search.search(TestCasebook.TESTER, first.withPage(number))));
    }
    assertThat(seen).doesNotHaveDuplicates().hasSize((int) page.total());
  }

  @ParameterizedTest
  @MethodSource("callerNames")
  void hitsAloneAreTheFirstHitsOfTheFullResultWithoutSnippetsOrCounts(String name) {
    Caller caller = caller(name);
    for (SortOrder order : SortOrder.values()) {
      for (String text : List.of("Smailova", "Смаил*", "rally", "274", "")) {
        SearchQuery full = new SearchQuery(text, Map.of(), null, null, order, 1, 5);
        SearchQuery bare = new SearchQuery(text, Map.of(), null, null, order, 1, 5, SearchQuery.Detail.HITS);
        SearchResult expected = search.search(caller, full);
        SearchResult found = search.search(caller, bare);
        String what = name + " " + order + " " + text;
        assertThat(ids(found)).as(what).isEqualTo(ids(expected));
        assertThat(found.hits()).as(what).allMatch(hit -> hit.snippet().isEmpty());
        assertThat(found.facets()).as(what).isEmpty();
        assertThat(found.total()).as(what).isBetween((long) found.hits().size(), expected.total());
      }
    }
  }

  @Test
  void snippetsMarkTheMatchesAndEscapeEverythingElse() {
    SearchHit rally =
        find("Жанаозен").hits().stream().filter(hit -> hit.title().equals("Activists detained after the rally")).findFirst().orElseThrow();
    assertThat(rally.snippet().parts()).anyMatch(part -> part.match() && part.text().equals("Жаңаөзен"));
    SearchHit script = find("alert").hits().get(0);
    assertThat(script.snippet().html()).contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(script.snippet().html().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
    assertThat(find("Smailovva").hits().get(0).snippet().parts()).as("a typo is marked by what it matched").anyMatch(Snippet.Part::match);
  }

  /**
   * A person's names are several values, in scripts of their own: each mark falls on a spelling
   * of the name that matched, never on a neighbouring name.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Qyzgaldaq", "Смаилова", "Tansari"})
  void aSnippetOfNamesMarksTheNameThatMatched(String name) {
    Map<String, Set<String>> spellings =
        Map.of("Qyzgaldaq", Set.of("Qyzgaldaq"), "Смаилова", Set.of("Смаилова", "Smailova"), "Tansari", Set.of("Tansari", "Тансари"));
    UUID person = name.equals("Qyzgaldaq") ? corpus.zhanar : corpus.dinara;
    SearchHit hit = find(name).hits().stream().filter(found -> found.id().equals(person)).findFirst().orElseThrow();
    assertThat(hit.snippet().parts()).as(hit.snippet().text()).filteredOn(Snippet.Part::match).extracting(Snippet.Part::text)
        .isNotEmpty().allMatch(spellings.get(name)::contains);
    assertThat(hit.snippet().text()).doesNotContain("\u0000");
  }

  // --- trimming ---

  static List<String> callerNames() {
    return List.of("administrator", "viewer", "editor without grant", "editor with grant", "outsider", "creator");
  }

  private Caller caller(String name) {
    return corpus.callers().stream().filter(entry -> entry[0].equals(name)).map(entry -> (Caller) entry[1]).findFirst().orElseThrow();
  }

  /**
   * Per kind, what a caller finds with an empty query is exactly what the record lists (trimmed by
   * SQL) show them, less what search never holds: restricted records and protected persons.
   */
  @ParameterizedTest
  @MethodSource("callerNames")
  void everyCallerFindsWhatTheRecordListsShowThem(String name) {
    Caller caller = caller(name);
    for (RecordKind kind : RecordKind.values()) {
      Set<UUID> listed = new java.util.HashSet<>();
      for (Recorded record : listed(caller, kind)) {
        boolean hidden = record.confidentiality() == Confidentiality.RESTRICTED || (record instanceof Person person && person.isProtected());
        if (!record.isVoided() && !hidden) {
          listed.add(record.id());
        }
      }
      SearchResult found = search.search(caller, query("", Map.of(Facet.KIND, Set.of(kind.code())), 100));
      assertThat(found.total()).as(name + " " + kind.code()).isEqualTo(listed.size());
      assertThat(ids(found)).as(name + " " + kind.code()).containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  private List<? extends Recorded> listed(Caller caller, RecordKind kind) {
    PageRequest all = new PageRequest(1, 500);
    var records = casebook.records();
    return switch (kind) {
      case CASE -> records.cases().list(caller, new CaseStore.Filter(null, null, null, null, false), all).items();
      case PERSON -> records.persons().list(caller, new PersonStore.Filter(null, null, false), all).items();
      case ORGANIZATION -> records.organizations().list(caller, new OrganizationStore.Filter(null, null, null, false), all).items();
      case SOURCE -> records.sources().list(caller, new SourceStore.Filter(null, null, null, false), all).items();
      case EVENT -> records.events().list(caller, new EventStore.Filter(null, null, null, null, null, false), all).items();
      case PROCEEDING -> records.proceedings().list(caller, new ProceedingStore.Filter(null, null, null, false), all).items();
      case COMMUNICATION ->
          records.communications().list(caller, new CommunicationStore.Filter(null, null, null, null, null, null, null, false), all).items();
    };
  }

  /**
   * A communication is found by its reference and by the names and words in its text, counted as
   * its own kind, and only by those who may read it: the team of a case file it is linked to.
   */
  @Test
  void aCommunicationIsFoundByItsReferenceAndItsTextByThoseWhoMayReadIt() {
    for (String text : List.of("AL KAZ 1/2024", "Smailova", "\"AL KAZ 1/2024\"", "NeMolchiKZ")) {
      assertThat(ids(find(text))).as(text).contains(corpus.demoCommunication);
    }
    SearchResult letters = search.search(TestCasebook.TESTER, query("AL KAZ 1/2024", Map.of(Facet.KIND, Set.of("communication"))));
    assertThat(letters.hits()).allMatch(hit -> hit.kind() == RecordKind.COMMUNICATION);
    SearchHit letter = letters.hits().get(0);
    assertThat(letter.id()).as("the letter of that reference comes first").isEqualTo(corpus.demoCommunication);
    assertThat(letter.kind()).isEqualTo(RecordKind.COMMUNICATION);
    assertThat(letter.title()).startsWith("AL KAZ 1/2024");
    assertThat(letter.cases()).containsExactly(corpus.demoCase);
    assertThat(find("Smailova").count(Facet.KIND, "communication")).isPositive();
    assertThat(find("AL KAZ 1/2024").count(Facet.COUNTRY, "KZ")).isPositive();

    Caller reader = corpus.teamMember(corpus.demoCase, "letter-reader");
    assertThat(ids(find(reader, "AL KAZ 1/2024"))).contains(corpus.demoCommunication);
    for (Caller other : List.of(corpus.viewer, corpus.outsider, corpus.grantedEditor)) {
      for (String text : List.of("AL KAZ 1/2024", "Smailova", "NeMolchiKZ")) {
        SearchResult found = find(other, text);
        assertThat(ids(found)).as(other.name() + " " + text).doesNotContain(corpus.demoCommunication);
        assertThat(found.count(Facet.KIND, "communication")).as(other.name() + " " + text).isZero();
      }
    }
  }

  @Test
  void anOutsiderFindsNothingButWhatTheyCreatedThemselves() {
    for (String text : List.of("", "Smailova", "Seitkali", "274", "Tulegenova")) {
      SearchResult found = find(corpus.outsider, text);
      assertThat(found.total()).as(text).isZero();
      assertThat(found.facets()).as(text).isEmpty();
    }
    assertThat(ids(find(corpus.creator, UNLISTED_NAME))).containsExactly(corpus.unlistedPerson);
    assertThat(find(corpus.viewer, UNLISTED_NAME).total()).isZero();
  }

  private static final String UNLISTED_NAME = SearchCorpus.UNLISTED;

  @Test
  void aTeamMemberFindsTheirCaseFilesRecordsOnlyAndSharedPersonsThroughThem() {
    SearchResult dinara = find(corpus.viewer, "Smailova");
    assertThat(ids(dinara)).contains(corpus.dinara);
    assertThat(dinara.hits()).allMatch(hit -> hit.kind() == RecordKind.CASE ? hit.id().equals(corpus.secondCase) : hit.cases().equals(List.of(corpus.secondCase)));
    assertThat(dinara.count(Facet.KIND, "event")).as("the demo case's events are not the viewer's").isZero();
    assertThat(find(TestCasebook.TESTER, "Smailova").count(Facet.KIND, "event")).isPositive();
    SearchHit person = dinara.hits().stream().filter(hit -> hit.id().equals(corpus.dinara)).findFirst().orElseThrow();
    assertThat(person.cases()).as("the other case file she is in is not named").containsExactly(corpus.secondCase);
  }

  @ParameterizedTest
  @MethodSource("callerNames")
  void withheldTextIsNeverFoundCountedOrQuoted(String name) {
    Caller caller = caller(name);
    for (String withheld : List.of(SearchCorpus.RESTRICTED, SearchCorpus.PROTECTED, SearchCorpus.NOTES, "Witness", "Threat received")) {
      SearchResult found = find(caller, withheld);
      assertThat(found.hits()).as(name + " " + withheld)
          .noneMatch(hit -> hit.title().contains(withheld) || hit.snippet().text().contains(withheld));
    }
    for (String canary : List.of(SearchCorpus.RESTRICTED, SearchCorpus.PROTECTED, SearchCorpus.NOTES)) {
      assertThat(find(caller, canary).total()).as(name + " " + canary).isZero();
      assertThat(find(caller, canary.substring(0, 6) + "*").total()).as(name + " " + canary + " by prefix").isZero();
    }
    SearchResult rally = find(caller, "rally");
    assertThat(rally.hits()).allMatch(hit -> !hit.snippet().text().contains(SearchCorpus.PROTECTED));
  }

  @Test
  void anonymousCallersSearchNothing() {
    assertThatThrownBy(() -> find(Caller.anonymous(), "Smailova")).isInstanceOf(NotPermitted.class);
  }

  @Test
  void nothingTypedReachesAFieldItIsNotMeantFor() {
    for (String text : List.of("acl:" + corpus.secondCase, "creator:creator", "kind:person", "*:*", "\"", "(", "AND", "-", "**", "\\")) {
      SearchResult found = find(corpus.outsider, text);
      assertThat(found.total()).as(text).isZero();
    }
    assertThat(find(TestCasebook.TESTER, "\"unbalanced").total()).isGreaterThanOrEqualTo(0);
  }

  private static SearchQuery query(String text, Map<Facet, Set<String>> filters) {
    return query(text, filters, SearchQuery.DEFAULT_SIZE);
  }

  private static SearchQuery query(String text, Map<Facet, Set<String>> filters, int size) {
    return new SearchQuery(text, filters, null, null, SortOrder.RELEVANCE, 1, size);
  }
}
