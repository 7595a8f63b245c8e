package org.casebook.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Role;
import org.casebook.accounts.User;
import org.casebook.app.Casebook;
import org.casebook.cases.CaseFile;
import org.casebook.people.Person;
import org.casebook.testing.TestCasebook;
import org.casebook.transfer.ImportResult;
import org.casebook.transfer.Progress;

/**
 * The records the search tests look for: the demo case (Dinara Smailova, public, under four
 * names) and a second, internal case file on an invented defender, Zhanar Seitkali, with a
 * restricted event, a restricted source and a restricted person (all carrying {@link
 * #RESTRICTED}), a protected witness (whose name carries {@link #PROTECTED}) and notes carrying
 * {@link #NOTES}; Dinara Smailova is listed in both case files. And the callers: a viewer and an
 * editor on the second case's team without the restricted grant, an editor with it, an outsider
 * on no team, and an editor who created a person that no case file lists.
 */
final class SearchCorpus {
  static final String RESTRICTED = "Vermilionquokka";
  static final String PROTECTED = "Obsidianheron";
  static final String NOTES = "Cobaltmarmoset";
  static final String UNLISTED = "Saffronpangolin";

  static final String SECOND_CASE =
      String.join(
          "\n",
          "format: casebook/1",
          "case:",
          "  key: zhanar",
          "  title: 'Zhanar Seitkali: detention after the rally in Жаңаөзен'",
          "  summary: Activists were detained after a peaceful rally; the charges followed months later.",
          "  countries: [KZ]",
          "  risk: high",
          "  status: open",
          "  subjects: [zhanar-seitkali]",
          "  confidentiality: internal",
          "persons:",
          "  - key: zhanar-seitkali",
          "    name: Zhanar Seitkali",
          "    other_names:",
          "      - {name: Жанар Сейткали, kind: transliteration, language: ru}",
          "      - {name: Qyzgaldaq, kind: alias}",
          "    citizenship: [KZ]",
          "    occupation: Journalist and trade union activist",
          "    notes: 'Contact through " + NOTES + " only'",
          "    confidentiality: internal",
          "  - key: hidden-witness",
          "    name: " + PROTECTED + " Witness",
          "    protected: true",
          "    confidentiality: internal",
          "  - key: secret-person",
          "    name: " + RESTRICTED + " Person",
          "    confidentiality: restricted",
          "sources:",
          "  - key: ru-article",
          "    title: Статья о задержании активистов",
          "    kind: news-article",
          "    date: 2016-05",
          "    language: ru",
          "    reliability: fairly-reliable",
          "    text: В Жаңаөзене полиция задержала активистку Сейткали. В статье упоминается и Динара Смаилова.",
          "    confidentiality: internal",
          "  - key: restricted-source",
          "    title: Testimony of a witness",
          "    kind: testimony",
          "    reliability: unknown",
          "    text: The witness " + RESTRICTED + " saw everything.",
          "    confidentiality: restricted",
          "events:",
          "  - key: rally-2016",
          "    date: 2016",
          "    type: detention",
          "    title: Activists detained after the rally",
          "    description: \"Police detained several activists in Жаңаөзен. <script>alert(1)</script> The information that was knowingly false was repeated.\"",
          "    location: Zhanaozen",
          "    country: KZ",
          "    violation: likely",
          "    participants:",
          "      - {person: zhanar-seitkali, role: victim}",
          "      - {person: hidden-witness, role: witness}",
          "  - key: protest-2015",
          "    date: 2015-03",
          "    type: protest",
          "    title: Earlier protest in Tbilisi",
          "    description: Journalists detaining nobody; a calm march.",
          "    country: GE",
          "    violation: unknown",
          "  - key: restricted-event",
          "    date: 2016-08",
          "    type: threat",
          "    title: Threat received",
          "    description: Threats signed " + RESTRICTED + ".",
          "    country: KZ",
          "    violation: likely",
          "    confidentiality: restricted",
          "proceedings:",
          "  - key: extremism-405",
          "    kind: criminal",
          "    title: Criminal case for participation in a banned organisation",
          "    authority: Mangystau regional police",
          "    jurisdiction: KZ",
          "    charges: ['KZ-CC 405(2)']",
          "    parties:",
          "      - {person: zhanar-seitkali, role: suspect}",
          "    history:",
          "      - {date: 2016-06, status: opened}",
          "      - {date: 2017-02, status: suspended}",
          "");

  final Casebook casebook;
  final UUID demoCase;
  final UUID secondCase;
  final UUID dinara;
  final UUID zhanar;
  final Caller viewer;
  final Caller editor;
  final Caller grantedEditor;
  final Caller outsider;
  final Caller creator;
  final UUID unlistedPerson;
  /** The demo case's letter AL KAZ 1/2024, linked to the demo case only. */
  final UUID demoCommunication;

  private SearchCorpus(Casebook casebook) {
    this.casebook = casebook;
    ImportResult demo = TestCasebook.importDemo(casebook);
    this.demoCase = demo.caseId();
    ImportResult second =
        casebook.importer().importDocument(TestCasebook.TESTER, "zhanar.yaml", SECOND_CASE, null, false, Progress.NONE);
    this.secondCase = second.caseId();
    this.dinara = personNamed(demoCase, "Dinara Smailova");
    this.demoCommunication =
        casebook.database().jdbi().withHandle(
            handle ->
                handle.createQuery("SELECT public_id FROM communications WHERE reference = 'AL KAZ 1/2024'")
                    .mapTo(UUID.class)
                    .one());
    this.zhanar = personNamed(secondCase, "Zhanar Seitkali");
    CaseFile stored = casebook.records().cases().get(TestCasebook.TESTER, secondCase);
    List<UUID> persons = new ArrayList<>(stored.persons());
    persons.add(dinara);
    casebook.records().cases().update(
        TestCasebook.TESTER, secondCase,
        stored.withLinks(stored.subjects(), persons, stored.organizations(), stored.sources()));
    this.viewer = user("viewer", Role.VIEWER);
    this.editor = user("ungranted", Role.EDITOR);
    this.grantedEditor = user("granted", Role.EDITOR);
    this.outsider = user("outsider", Role.EDITOR);
    this.creator = user("creator", Role.EDITOR);
    casebook.teams().addMember(secondCase, viewer.userId(), false);
    casebook.teams().addMember(secondCase, editor.userId(), false);
    casebook.teams().addMember(secondCase, grantedEditor.userId(), true);
    this.unlistedPerson =
        casebook.records().persons().create(
                creator,
                new Person(null, null, null, null, UNLISTED + " Tulegenova", List.of(), null, null, List.of(), null, false, null))
            .id();
  }

  /** A new viewer on the team of {@code caseId}, without the restricted grant. */
  Caller teamMember(UUID caseId, String name) {
    Caller member = user(name, Role.VIEWER);
    casebook.teams().addMember(caseId, member.userId(), false);
    return member;
  }

  static SearchCorpus build(Casebook casebook) {
    return new SearchCorpus(casebook);
  }

  private UUID personNamed(UUID caseId, String name) {
    return casebook.records().cases().get(TestCasebook.TESTER, caseId).persons().stream()
        .filter(id -> casebook.records().persons().get(TestCasebook.TESTER, id).name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private Caller user(String name, Role role) {
    User user = casebook.accounts().createUser(name, name, role, TestCasebook.PASSWORD);
    return Caller.user(user.id(), user.name(), role, null);
  }

  /** Every caller of the corpus, with a name for messages. */
  List<Object[]> callers() {
    return List.of(
        new Object[] {"administrator", TestCasebook.TESTER},
        new Object[] {"viewer", viewer},
        new Object[] {"editor without grant", editor},
        new Object[] {"editor with grant", grantedEditor},
        new Object[] {"outsider", outsider},
        new Object[] {"creator", creator});
  }
}
