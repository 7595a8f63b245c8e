package org.casebook.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.casebook.cases.CaseFile;
import org.casebook.common.Confidentiality;
import org.casebook.common.Name;
import org.casebook.dates.PartialDate;
import org.casebook.events.Event;
import org.casebook.events.EventLink;
import org.casebook.events.Participant;
import org.casebook.organizations.Membership;
import org.casebook.organizations.Organization;
import org.casebook.organizations.Registration;
import org.casebook.people.Person;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Outcome;
import org.casebook.proceedings.Party;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;
import org.casebook.sources.Source;

/**
 * Makes one case file and the records around it: the people at risk and around them, their
 * organization, the State bodies involved, sources with full texts, proceedings with charges and a
 * dated history, and events. What a case file holds depends only on its own {@link Dice}, except
 * which State bodies are new, which depends on the case files made before it.
 *
 * <p>Not thread-safe (it keeps the shared {@link Authorities}); one generating thread.
 */
final class CaseMaker {
  /** The last day of the corpus' timeline. */
  private static final LocalDate END = LocalDate.of(2025, 6, 30);

  private static final Map<String, String> ALPHA3 =
      Map.ofEntries(
          Map.entry("KZ", "KAZ"), Map.entry("KG", "KGZ"), Map.entry("RU", "RUS"), Map.entry("BY", "BLR"),
          Map.entry("UZ", "UZB"), Map.entry("TJ", "TJK"), Map.entry("AZ", "AZE"), Map.entry("TM", "TKM"),
          Map.entry("GE", "GEO"), Map.entry("AM", "ARM"), Map.entry("UA", "UKR"));

  private static final List<String> EVENT_TYPES =
      List.of(
          "criminal-case-opened", "suspect-named", "wanted-listing", "extradition-request",
          "criminal-case-dismissed", "court-decision", "conviction", "acquittal", "fine", "detention",
          "surveillance", "threat", "smear-campaign", "social-media-post", "public-statement",
          "complaint-filed", "border-refusal", "bank-data-seized", "bank-accounts-blocked",
          "press-conference", "speech", "registration", "registration-refused", "relocation",
          "asylum-application", "legislation", "communication-sent", "government-reply", "protest",
          "other");
  private static final int[] EVENT_WEIGHTS = {
    8, 5, 3, 2, 3, 5, 3, 1, 3, 4, 5, 5, 5, 6, 5, 3, 3, 2, 3, 3, 3, 2, 2, 3, 2, 1, 2, 2, 4, 2
  };
  /** Event types that belong with a proceeding when the case file has one. */
  private static final List<String> LEGAL_EVENTS =
      List.of(
          "criminal-case-opened", "suspect-named", "wanted-listing", "extradition-request",
          "criminal-case-dismissed", "court-decision", "conviction", "acquittal", "fine");

  private static final List<String> SOURCE_KINDS =
      List.of(
          "news-article", "ngo-report", "social-media-post", "court-decision", "un-communication",
          "government-reply", "testimony", "official-statement", "other");
  private static final int[] SOURCE_WEIGHTS = {35, 12, 15, 10, 5, 5, 8, 7, 3};

  private enum Role { SUBJECT, LAWYER, RELATIVE, COLLEAGUE, JOURNALIST, INVESTIGATOR, JUDGE, WITNESS }

  private final Provisions provisions;
  private final Authorities authorities;

  CaseMaker(Provisions provisions, Authorities authorities) {
    this.provisions = provisions;
    this.authorities = authorities;
  }

  /** The numbers of each kind of record of a case file of {@code records} records in all. */
  record Shape(int persons, int organizations, int sources, int proceedings, int events) {
    static Shape of(int records) {
      if (records < 1) {
        throw new IllegalArgumentException("a case file is at least one record, not " + records);
      }
      int rest = records - 1;
      int persons = Math.min(rest, Math.max(1, Math.round(records * 0.2f)));
      rest -= persons;
      int organizations = Math.min(rest, Math.round(records * 0.04f));
      rest -= organizations;
      int sources = Math.min(rest, Math.round(records * 0.18f));
      rest -= sources;
      int proceedings = Math.min(rest, Math.round(records * 0.1f));
      rest -= proceedings;
      return new Shape(persons, organizations, sources, proceedings, rest);
    }
  }

  /** A case file of exactly {@code records} records (State bodies it names first included). */
  CaseBundle make(long number, int records, Dice dice) {
    return new Story(number, records, dice).tell();
  }

  /** One case file in the making: its setting, its people, and the slots its phrases fill. */
  private final class Story implements Writing.Slots {
    private final long number;
    private final int records;
    private final Dice dice;
    private final Places.Country country;
    private final Places.City city;
    private final Places.Country refuge;
    private final Language language;
    private final int topic;
    private final int startYear;
    private final LocalDate start;
    private final List<Provisions.Article> articles;
    private final List<String> caseNumbers = new ArrayList<>();
    private final List<Person> persons = new ArrayList<>();
    private final List<PersonNames.Invented> names = new ArrayList<>();
    private final List<Role> roles = new ArrayList<>();
    /** Whether each person's identity is sealed (restricted or protected), by position. */
    private final List<Boolean> sealed = new ArrayList<>();
    private final List<Organization> organizations = new ArrayList<>();
    private final List<UUID> linkedOrganizations = new ArrayList<>();
    private final List<Authorities.Authority> named = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final List<Proceeding> proceedings = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private String pseudonym;
    private int ngoWord = -1;
    private int ngoFormat;
    private Provisions.Article article;

    Story(long number, int records, Dice dice) {
      this.number = number;
      this.records = records;
      this.dice = dice;
      this.country = Places.country(dice);
      this.city = country.city(dice);
      this.refuge = dice.chance(25) ? Places.refuge(dice) : null;
      this.language = dice.chance(60) ? Language.RUSSIAN : Language.ENGLISH;
      this.topic = dice.nextInt(Writing.size("topic"));
      this.startYear = dice.between(2010, 2023);
      this.start = LocalDate.of(startYear, 1, 1).plusDays(dice.nextInt(365));
      this.articles = provisions.of(country.code());
      this.article = articles.isEmpty() ? null : LegalSteps.article(articles, dice);
      for (int index = dice.between(1, 3); index > 0; index--) {
        caseNumbers.add(caseNumber());
      }
    }

    CaseBundle tell() {
      UUID caseId = dice.uuid();
      if (records == 1) {
        return new CaseBundle(number, caseFile(caseId), List.of(), List.of(), List.of(), List.of(), List.of());
      }
      Shape shape = Shape.of(records);
      int organizationBudget = shape.organizations();
      int eventBudget = shape.events();
      for (int index = 0; index < shape.persons(); index++) {
        persons.add(person(index, shape.persons()));
      }
      if (organizationBudget > 0) {
        organizations.add(ngo());
        linkedOrganizations.add(organizations.get(0).id());
        organizationBudget--;
      }
      // State bodies: the police or security service and the court of the case file's city. One
      // that no earlier case file named becomes a record here, in place of an organization of this
      // case file or, failing that, an event.
      for (boolean court : new boolean[] {false, true}) {
        Authorities.Authority authority = authorities.of(country, city, court, dice);
        if (named.contains(authority)) {
          continue;
        }
        if (authorities.exists(authority)) {
          named.add(authority);
        } else if (organizationBudget > 0 || eventBudget > 0) {
          authorities.claim(authority);
          organizations.add(Authorities.organization(authority, language));
          named.add(authority);
          if (organizationBudget > 0) {
            organizationBudget--;
          } else {
            eventBudget--;
          }
        }
      }
      for (Authorities.Authority authority : named) {
        linkedOrganizations.add(authority.id());
      }
      for (; organizationBudget > 0; organizationBudget--) {
        organizations.add(ngo());
        linkedOrganizations.add(organizations.get(organizations.size() - 1).id());
      }
      for (int index = 0; index < shape.sources(); index++) {
        sources.add(source());
      }
      for (int index = 0; index < shape.proceedings(); index++) {
        proceedings.add(proceeding(caseId, index));
      }
      List<LocalDate> days = new ArrayList<>();
      for (int index = 0; index < eventBudget; index++) {
        days.add(Dates.dayBetween(start, END, dice));
      }
      days.sort(null);
      for (LocalDate day : days) {
        events.add(event(caseId, day));
      }
      return new CaseBundle(number, caseFile(caseId), persons, organizations, sources, proceedings, events);
    }

    // ---- records ----

    private CaseFile caseFile(UUID id) {
      List<String> countries = new ArrayList<>(List.of(country.code()));
      if (refuge != null && !refuge.code().equals(country.code())) {
        countries.add(refuge.code());
      }
      if (persons.isEmpty()) {
        names.add(PersonNames.invent(country.culture(), dice.nextBoolean(), dice));
      }
      String title = Writing.phrase("case-title", language, this, dice);
      StringBuilder summary = new StringBuilder();
      int lines = Writing.size("case-summary");
      int first = dice.nextInt(lines);
      for (int sentence = dice.between(2, 4) - 1; sentence >= 0; sentence--) {
        summary
            .append(summary.length() == 0 ? "" : " ")
            .append(Writing.phrase("case-summary", (first + sentence * 3) % lines, language, this));
      }
      List<UUID> subjects = new ArrayList<>();
      for (int index = 0; index < persons.size(); index++) {
        if (roles.get(index) == Role.SUBJECT) {
          subjects.add(persons.get(index).id());
        }
      }
      if (ngoWord >= 0 && dice.chance(10)) {
        subjects.add(organizations.get(0).id());
      }
      return new CaseFile(
          id, null, level(25, 2), null, title, summary.toString(), countries,
          List.of("low", "medium", "high", "critical").get(dice.weighted(15, 35, 35, 15)),
          List.of("open", "monitoring", "closed").get(dice.weighted(60, 25, 15)), subjects,
          persons.stream().map(Person::id).toList(), linkedOrganizations,
          sources.stream().map(Source::id).toList());
    }

    private Person person(int index, int count) {
      Role role = role(index, count);
      boolean female = dice.nextBoolean();
      NameCulture culture =
          role == Role.LAWYER && dice.chance(15) || role == Role.JOURNALIST && dice.chance(20)
              ? NameCulture.ENGLISH
              : country.culture();
      PersonNames.Invented name = PersonNames.invent(culture, female, dice);
      boolean cyrillicFirst = dice.chance(language == Language.RUSSIAN ? 75 : 45);
      PersonNames.Written written = PersonNames.write(name, cyrillicFirst, dice);
      if (role == Role.SUBJECT && pseudonym == null) {
        pseudonym = written.pseudonym();
      }
      // The first person at risk gives the case file its name, which stands in the text of every
      // record: never a restricted or protected person, whose identity is sealed.
      boolean first = index == 0;
      boolean isProtected =
          switch (role) {
            case RELATIVE -> dice.chance(20);
            case WITNESS -> dice.chance(25);
            default -> !first && dice.chance(1);
          };
      Confidentiality level = level(35, first ? 0 : 3);
      names.add(name);
      roles.add(role);
      sealed.add(isProtected || level == Confidentiality.RESTRICTED);
      PartialDate birth =
          dice.chance(70)
              ? Dates.plain(LocalDate.of(dice.between(1950, 2002), 1, 1).plusDays(dice.nextInt(365)), dice)
              : null;
      if (birth != null && (isProtected || level == Confidentiality.RESTRICTED)
          && birth.precision() == PartialDate.Precision.DAY) {
        // The sealed form of a full birth date does not fit its column (VARCHAR(60)); the
        // services refuse such a person with a database error, so the corpus holds none.
        birth = PartialDate.parse(birth.toEdtf().substring(0, 7));
      }
      return new Person(
          dice.uuid(), null, level, null, written.primary(), written.others(),
          female ? "female" : "male", birth, List.of(country.code()),
          Writing.phrase("occupation", occupation(role), language, this),
          isProtected, dice.chance(15) ? Writing.phrase("note", language, this, dice) : null);
    }

    private Role role(int index, int count) {
      if (index == 0) {
        return Role.SUBJECT;
      }
      if (index == 1) {
        return Role.LAWYER;
      }
      if (index == 2 && count > 4 && dice.chance(25)) {
        return Role.SUBJECT;
      }
      return List.of(Role.RELATIVE, Role.COLLEAGUE, Role.JOURNALIST, Role.INVESTIGATOR, Role.JUDGE, Role.WITNESS)
          .get(dice.weighted(25, 25, 15, 15, 10, 10));
    }

    /** The line of {@code [occupation]} for a role. */
    private int occupation(Role role) {
      return switch (role) {
        case SUBJECT -> List.of(0, 1, 3, 4, 5, 6).get(dice.nextInt(6));
        case LAWYER -> 2;
        case RELATIVE -> 10;
        case COLLEAGUE -> dice.nextBoolean() ? 0 : 11;
        case JOURNALIST -> 1;
        case INVESTIGATOR -> 7;
        case JUDGE -> 8;
        case WITNESS -> List.of(4, 11, 10).get(dice.nextInt(3));
      };
    }

    private Organization ngo() {
      int word = dice.nextInt(Writing.size("ngo-word"));
      int format = dice.nextInt(Writing.size("ngo-format"));
      if (ngoWord < 0) {
        ngoWord = word;
        ngoFormat = format;
      }
      Language other = language == Language.RUSSIAN ? Language.ENGLISH : Language.RUSSIAN;
      String name = ngoName(word, format, language);
      List<Registration> registrations = new ArrayList<>();
      LocalDate founded = start.minusDays(dice.between(200, 3000));
      registrations.add(
          new Registration(
              language == Language.RUSSIAN ? "Министерство юстиции" : "Ministry of Justice",
              country.code(), Dates.plain(founded, dice), Integer.toString(dice.between(1000, 99999)),
              dice.chance(70) ? "registered" : "refused"));
      if (dice.chance(30)) {
        registrations.add(
            new Registration(
                language == Language.RUSSIAN ? "Министерство юстиции" : "Ministry of Justice",
                country.code(), Dates.plain(Dates.dayBetween(start, END, dice), dice), null,
                dice.chance(60) ? "revoked" : "refused"));
      }
      List<Membership> memberships = new ArrayList<>();
      if (!persons.isEmpty()) {
        memberships.add(
            new Membership(persons.get(0).id(), dice.nextBoolean() ? "founder" : "chair",
                Dates.plain(founded, dice), null));
      }
      if (persons.size() > 2 && dice.chance(40)) {
        int member = dice.between(2, persons.size() - 1);
        memberships.add(new Membership(persons.get(member).id(), "member", null, null));
      }
      return new Organization(
          dice.uuid(), null, level(35, 3), null, name,
          List.of(new Name(ngoName(word, format, other), "alias", other.tag())),
          dice.chance(80) ? "ngo" : dice.nextBoolean() ? "movement" : "media", country.code(),
          registrations, memberships, dice.chance(5) ? Writing.phrase("note", language, this, dice) : null);
    }

    private String ngoName(int word, int format, Language in) {
      String ngoWordText = Writing.phrase("ngo-word", word, in, this);
      return Writing.fill(Writing.phrases(in).list("ngo-format").get(format), (slot, language) -> ngoWordText, in);
    }

    private Source source() {
      String kind = SOURCE_KINDS.get(dice.weighted(SOURCE_WEIGHTS));
      Language written = dice.chance(55) ? Language.RUSSIAN : Language.ENGLISH;
      LocalDate day = Dates.dayBetween(start, END, dice);
      int year = day.getYear();
      String title = Writing.phrase("source-title:" + kind, written, this, dice);
      String publisher;
      String url;
      String reliability;
      switch (kind) {
        case "news-article" -> {
          int media = dice.nextInt(Writing.size("media"));
          publisher = Writing.phrase("media", media, written, this);
          url = "https://" + slug(Writing.phrase("media", media, Language.ENGLISH, this)) + ".example/" + year
              + "/" + String.format(Locale.ROOT, "%02d", day.getMonthValue()) + "/" + dice.between(10000, 99999);
          reliability = dice.chance(60) ? "usually-reliable" : "fairly-reliable";
        }
        case "ngo-report" -> {
          publisher = ngoWord >= 0 ? ngoName(ngoWord, ngoFormat, written) : ngoName(dice.nextInt(Writing.size("ngo-word")), 0, written);
          url = "https://" + slug(ngoName(Math.max(ngoWord, 0), 0, Language.ENGLISH)) + ".example/reports/" + year + "-" + dice.between(1, 40);
          reliability = "usually-reliable";
        }
        case "social-media-post" -> {
          publisher = List.of("Facebook", "Telegram", "Instagram", "YouTube").get(dice.nextInt(4));
          url = "https://social.example/" + (pseudonym == null ? "post" : pseudonym) + "/" + dice.between(100000, 999999);
          reliability = dice.nextBoolean() ? "not-usually-reliable" : "unknown";
        }
        case "court-decision", "official-statement" -> {
          Authorities.Authority authority = authorities.of(country, city, kind.equals("court-decision"), dice);
          publisher = authority.name(written);
          url = dice.chance(50) ? "https://gov-" + country.code().toLowerCase(Locale.ROOT) + ".example/documents/" + dice.between(1000, 99999) : null;
          reliability = kind.equals("court-decision") ? "highly-reliable" : "fairly-reliable";
        }
        case "un-communication" -> {
          title = "AL " + ALPHA3.getOrDefault(country.code(), "KAZ") + " " + dice.between(1, 12) + "/" + year + ": " + title;
          publisher = written == Language.RUSSIAN
              ? "Специальный докладчик по вопросу о положении правозащитников"
              : "Special Rapporteur on the situation of human rights defenders";
          url = "https://spcommreports.example/" + dice.between(20000, 29999);
          reliability = "highly-reliable";
        }
        case "government-reply" -> {
          publisher = written == Language.RUSSIAN ? "Правительство " + country.russianGenitive() : "Government of " + country.english();
          url = "https://spcommreports.example/reply/" + dice.between(30000, 39999);
          reliability = "usually-reliable";
        }
        case "testimony" -> {
          publisher = null;
          url = null;
          reliability = dice.nextBoolean() ? "fairly-reliable" : "unknown";
        }
        default -> {
          publisher = null;
          url = null;
          reliability = "unknown";
        }
      }
      int words =
          kind.equals("social-media-post")
              ? dice.between(30, 250)
              : (int) Math.max(150, Math.min(5000, Math.round(Math.exp(Math.log(480) + 0.7 * dice.gaussian()))));
      String text = title + "\n\n" + Writing.text(written, words, this, dice);
      return new Source(
          dice.uuid(), null, level(35, 3), null, title, kind, publisher, Dates.plain(day, dice),
          written.tag(), url, reliability, null, sha256(text), text);
    }

    private Proceeding proceeding(UUID caseId, int index) {
      String kind = LegalSteps.kind(dice);
      boolean abroad = kind.equals("asylum") || kind.equals("extradition");
      Places.Country where = abroad && refuge != null ? refuge : country;
      List<Charge> charges = new ArrayList<>();
      if ((kind.equals("criminal") || kind.equals("private-prosecution")) && !articles.isEmpty()) {
        Provisions.Article first = index == 0 && article != null ? article : LegalSteps.article(articles, dice);
        charges.add(Charge.of(LegalSteps.citation(first, dice)));
        if (dice.chance(35)) {
          Provisions.Article second = LegalSteps.article(articles, dice);
          if (second != first) {
            charges.add(Charge.of(LegalSteps.citation(second, dice)));
          }
        }
      }
      String authority;
      if (abroad) {
        authority = language == Language.RUSSIAN
            ? "Миграционная служба (" + where.russian() + ")"
            : "Migration Department of " + where.english();
      } else {
        authority = authorities.of(country, city, !kind.equals("criminal"), dice).name(language);
      }
      LocalDate day = Dates.dayBetween(start, END.minusDays(400), dice);
      List<String> statuses = LegalSteps.history(kind, dice);
      List<StatusChange> history = new ArrayList<>();
      for (String status : statuses) {
        List<UUID> stepSources =
            !sources.isEmpty() && dice.chance(15) ? List.of(dice.pick(sources).id()) : List.of();
        history.add(
            new StatusChange(
                Dates.step(day, dice), status,
                dice.chance(10) ? Writing.phrase("status-note", language, this, dice) : null, stepSources));
        day = day.plusDays(dice.between(10, 200));
      }
      List<Party> parties = new ArrayList<>();
      if (!persons.isEmpty()) {
        parties.add(new Party(persons.get(0).id(), null, null, LegalSteps.partyRole(kind, dice)));
      }
      int lawyer = roles.indexOf(Role.LAWYER);
      if (lawyer >= 0 && dice.chance(60)) {
        parties.add(new Party(persons.get(lawyer).id(), null, null, "lawyer"));
      }
      if (kind.equals("criminal") && dice.chance(30)) {
        PersonNames.Invented investigator = PersonNames.invent(country.culture(), dice.nextBoolean(), dice);
        parties.add(
            new Party(
                null, null,
                (language == Language.RUSSIAN ? "следователь " + investigator.cyrillicFamily() : "investigator " + investigator.latinFamily()),
                "investigator"));
      }
      String last = statuses.get(statuses.size() - 1);
      return new Proceeding(
          dice.uuid(), null, level(35, 3), null, caseId, kind,
          Writing.phrase("proceeding-title:" + kind, language, this, dice), authority, where.code(),
          caseNumbers.get(index % caseNumbers.size()), charges, parties, history, outcome(kind, last, where),
          dice.chance(10) ? Writing.phrase("note", language, this, dice) : null);
    }

    private Outcome outcome(String kind, String last, Places.Country where) {
      String currency = LegalSteps.currency(where.code());
      return switch (last) {
        case "convicted", "appealed" ->
            dice.chance(30)
                ? new Outcome(Writing.phrase("outcome", 5, language, this), new Outcome.Fine(LegalSteps.fineAmount(dice), currency))
                : new Outcome(Writing.phrase("outcome", dice.between(1, 2), language, this), null);
        case "decided" ->
            kind.equals("asylum")
                ? new Outcome(Writing.phrase("outcome", 4, language, this), null)
                : dice.nextBoolean()
                    ? new Outcome(Writing.phrase("outcome", 0, language, this), null)
                    : new Outcome(null, new Outcome.Fine(LegalSteps.fineAmount(dice), currency));
        case "dismissed" -> new Outcome(Writing.phrase("outcome", 3, language, this), null);
        default -> null;
      };
    }

    private Event event(UUID caseId, LocalDate day) {
      String type = EVENT_TYPES.get(dice.weighted(EVENT_WEIGHTS));
      List<Participant> participants = new ArrayList<>();
      if (!persons.isEmpty() && !type.equals("legislation") && !type.equals("registration")) {
        participants.add(new Participant(persons.get(0).id(), null, null, "target", null));
      }
      if (!named.isEmpty() && dice.chance(50)) {
        participants.add(
            new Participant(null, dice.pick(named).id(), null, dice.nextBoolean() ? "perpetrator" : "authority", null));
      }
      if (persons.size() > 1 && dice.chance(25)) {
        participants.add(
            new Participant(dice.pick(persons.subList(1, persons.size())).id(), null, null,
                List.of("witness", "victim", "ally").get(dice.nextInt(3)),
                dice.chance(20) ? Writing.phrase("status-note", language, this, dice) : null));
      }
      if (dice.chance(10)) {
        participants.add(
            new Participant(null, null,
                language == Language.RUSSIAN ? "неизвестные в штатском" : "unidentified men in plain clothes",
                "perpetrator", null));
      }
      List<UUID> eventSources = new ArrayList<>();
      if (!sources.isEmpty() && dice.chance(70)) {
        eventSources.add(dice.pick(sources).id());
        if (sources.size() > 1 && dice.chance(30)) {
          UUID second = dice.pick(sources).id();
          if (!eventSources.contains(second)) {
            eventSources.add(second);
          }
        }
      }
      UUID proceeding =
          LEGAL_EVENTS.contains(type) && !proceedings.isEmpty() && dice.chance(60)
              ? dice.pick(proceedings).id()
              : null;
      List<EventLink> links =
          !events.isEmpty() && dice.chance(10)
              ? List.of(new EventLink(dice.nextBoolean() ? "follows" : "causes", dice.pick(events).id()))
              : List.of();
      Places.Country where = type.equals("relocation") || type.equals("asylum-application")
          ? refuge != null ? refuge : Places.refuge(dice)
          : country;
      String violation =
          List.of("confirmed", "likely", "possible", "unlikely", "unknown", "").get(dice.weighted(30, 25, 15, 5, 5, 20));
      return new Event(
          dice.uuid(), null, level(35, 3), null, caseId, Dates.event(day, dice), type,
          Writing.phrase("event:" + type, language, this, dice),
          dice.chance(80) ? Writing.sentences(language, dice.between(1, 4), this, dice) : null,
          where == country ? city.in(language) : where.cities().get(0).in(language), where.code(),
          violation.isEmpty() ? null : violation, participants, eventSources, proceeding, links);
    }

    // ---- small choices ----

    /** A confidentiality level: {@code publicPercent} public, {@code restrictedPercent} restricted, the rest internal. */
    private Confidentiality level(int publicPercent, int restrictedPercent) {
      int draw = dice.nextInt(100);
      return draw < restrictedPercent
          ? Confidentiality.RESTRICTED
          : draw < restrictedPercent + publicPercent ? Confidentiality.PUBLIC : Confidentiality.INTERNAL;
    }

    private String caseNumber() {
      return String.format(Locale.ROOT, "%02d%04d%09d", startYear % 100, dice.between(1000, 9999), dice.nextInt(1_000_000_000));
    }

    // ---- slots ----

    @Override
    public String value(String slot, Language in) {
      PersonNames.Invented subject = names.isEmpty() ? null : names.get(0);
      return switch (slot) {
        case "subject" -> subject.in(in);
        case "subject_gen" -> subject.genitive(in);
        case "subject_short" -> subject.initialed(in);
        case "person" -> {
          // Other records name only people whose identity is not sealed.
          int chosen = dice.nextInt(names.size());
          yield chosen < sealed.size() && sealed.get(chosen) ? subject.in(in) : names.get(chosen).in(in);
        }
        case "lawyer" -> {
          int lawyer = roles.indexOf(Role.LAWYER);
          yield lawyer >= 0 && !sealed.get(lawyer)
              ? names.get(lawyer).in(in)
              : in == Language.RUSSIAN ? "защитник" : "the lawyer";
        }
        case "org" -> ngoWord >= 0 ? ngoName(ngoWord, ngoFormat, in) : Writing.phrase("media", topic % Writing.size("media"), in, this);
        case "authority" -> named.isEmpty() ? authorities.of(country, city, false, dice).name(in) : dice.pick(named).name(in);
        case "city" -> city.in(in);
        case "country" -> in == Language.RUSSIAN ? country.russian() : country.english();
        case "country_gen" -> in == Language.RUSSIAN ? country.russianGenitive() : country.english();
        case "country_acc" -> in == Language.RUSSIAN ? country.russianAccusative() : country.english();
        case "article" -> article == null ? Integer.toString(dice.between(100, 400)) : article.number();
        case "article_part" -> articlePart(in);
        case "article_title" -> article == null ? (in == Language.RUSSIAN ? "клевета" : "slander") : article.title(in);
        case "date" -> Dates.words(Dates.dayBetween(start, END, dice), in);
        case "year" -> Integer.toString(dice.between(startYear, Math.min(startYear + 3, END.getYear())));
        case "number" -> dice.pick(caseNumbers);
        case "amount" ->
            String.format(Locale.ROOT, "%,d", LegalSteps.fineAmount(dice).intValue()).replace(',', ' ') + " "
                + LegalSteps.currencyWord(country.code(), in);
        case "days" -> Integer.toString(List.of(10, 15, 30, 60, 90, 180).get(dice.nextInt(6)));
        case "topic" -> Writing.phrase("topic", topic, in, this);
        case "media" -> Writing.phrase("media", dice.nextInt(Writing.size("media")), in, this);
        case "digits" -> String.format(Locale.ROOT, "%03d %02d %02d", dice.nextInt(1000), dice.nextInt(100), dice.nextInt(100));
        case "alias" -> pseudonym != null ? pseudonym : subject.in(in);
        default -> throw new IllegalStateException("the generator has no value for the slot {" + slot + "}");
      };
    }

    private String articlePart(Language in) {
      String number = article == null ? Integer.toString(dice.between(100, 400)) : article.number();
      String part = Integer.toString(dice.between(1, 4));
      if (in == Language.RUSSIAN) {
        return "части " + part + " статьи " + number;
      }
      return dice.nextBoolean() ? "article " + number + " part " + part : "part " + part + " of article " + number;
    }
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }
}
