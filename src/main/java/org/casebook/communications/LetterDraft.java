package org.casebook.communications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseService;
import org.casebook.chronology.ChronologyItem;
import org.casebook.chronology.ChronologyService;
import org.casebook.common.Confidentiality;
import org.casebook.common.InvalidInput;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.common.Redaction;
import org.casebook.events.Event;
import org.casebook.events.EventService;
import org.casebook.events.EventStore;
import org.casebook.organizations.Membership;
import org.casebook.organizations.Organization;
import org.casebook.organizations.OrganizationService;
import org.casebook.organizations.OrganizationStore;
import org.casebook.people.Person;
import org.casebook.people.PersonService;
import org.casebook.people.PersonStore;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.ProceedingService;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.sources.Source;
import org.casebook.sources.SourceService;
import org.casebook.sources.SourceStore;
import org.casebook.vocabulary.Vocabularies;

/**
 * Drafts an allegation letter from a case file, in the usual structure of a special procedures
 * communication: the topic (who is at risk and what happened), the background on the defenders and
 * their work, the allegations in date order with their dates as known and their sources, the
 * concerns, the questions to the State and the international standards that apply. The drafter
 * then edits every part of it in the communication form. The text is in English, the working
 * language of the letters, whatever the language of the page. Thread-safe.
 *
 * <p>What enters a draft: a letter goes to a government, so only what may be told to it does.
 * The case file and its records are read as the writer sees them, so nothing the writer may not
 * see is ever read; and of that, nothing restricted is copied, even for a writer with the grant:
 * no restricted record (person, organization, event, proceeding, source), no notes, and no
 * protected person (by name or otherwise). The names of protected and restricted persons the
 * writer can see are replaced by {@value #WITHHELD} wherever they occur in the text that is copied
 * (titles and descriptions of events). A restricted case file is not drafted from at all: every
 * record in it is restricted in effect.
 */
public final class LetterDraft {
  /** Stands in a draft where a withheld name occurred in copied text. */
  public static final String WITHHELD = "[name withheld]";

  /** The mandate that signs a draft, if the catalogue has it; the drafter adds the others. */
  static final String DEFENDERS_MANDATE = "sr-human-rights-defenders";

  static final String DECLARATION = "Articles 1, 2, 5, 6, 9 and 12 of the Declaration on Human Rights Defenders";
  static final String COVENANT = "of the International Covenant on Civil and Political Rights";
  static final String WOMEN_DEFENDERS = "General Assembly resolution 68/181 on protecting women human rights defenders";

  private static final PageRequest ALL = new PageRequest(1, Page.MAX_SIZE);

  /** The kinds of event that record the correspondence about the case rather than what happened. */
  private static final Set<String> CORRESPONDENCE = Set.of("communication-sent", "government-reply");

  /** The kinds of event that are acts against the defenders, named in the topic. */
  private static final Set<String> ACTS =
      Set.of(
          "smear-campaign", "threat", "criminal-case-opened", "suspect-named", "wanted-listing", "extradition-request",
          "border-refusal", "surveillance", "bank-data-seized", "bank-accounts-blocked", "conviction", "fine",
          "registration-refused", "detention");
  private static final int TOPIC_ACTS = 4;

  /** The article of the Covenant that each kind of event engages. */
  private static final Map<String, Integer> COVENANT_BY_EVENT =
      Map.ofEntries(
          Map.entry("detention", 9),
          Map.entry("wanted-listing", 12),
          Map.entry("extradition-request", 12),
          Map.entry("border-refusal", 12),
          Map.entry("criminal-case-opened", 14),
          Map.entry("suspect-named", 14),
          Map.entry("conviction", 14),
          Map.entry("surveillance", 17),
          Map.entry("bank-data-seized", 17),
          Map.entry("smear-campaign", 19),
          Map.entry("social-media-post", 19),
          Map.entry("speech", 19),
          Map.entry("protest", 21),
          Map.entry("registration-refused", 22),
          Map.entry("bank-accounts-blocked", 22));

  /** Words of a charge's title and the article of the Covenant a charge of that kind engages. */
  private static final Map<Pattern, Integer> COVENANT_BY_CHARGE =
      Map.of(
          Pattern.compile("information|slander|insult|defamation|honou?r|propaganda|discord", Pattern.CASE_INSENSITIVE), 19,
          Pattern.compile("assembl|rally|picket|demonstration", Pattern.CASE_INSENSITIVE), 21,
          Pattern.compile("extremis|organi[sz]ation|association", Pattern.CASE_INSENSITIVE), 22);

  private final CaseService cases;
  private final PersonService persons;
  private final OrganizationService organizations;
  private final EventService events;
  private final ProceedingService proceedings;
  private final SourceService sources;
  private final ChronologyService chronology;
  private final Vocabularies vocabularies;
  private final CommunicationService communications;
  private final MandateService mandates;

  public LetterDraft(
      CaseService cases, PersonService persons, OrganizationService organizations, EventService events,
      ProceedingService proceedings, SourceService sources, ChronologyService chronology, Vocabularies vocabularies,
      CommunicationService communications, MandateService mandates) {
    this.cases = cases;
    this.persons = persons;
    this.organizations = organizations;
    this.events = events;
    this.proceedings = proceedings;
    this.sources = sources;
    this.chronology = chronology;
    this.vocabularies = vocabularies;
    this.communications = communications;
    this.mandates = mandates;
  }

  /**
   * Drafts a letter from the case file {@code caseId} and stores it as a draft communication linked
   * to it, through {@link CommunicationService#create}: needs {@link Permission#WRITE_RECORDS} and
   * write access to the case file.
   *
   * @throws InvalidInput on {@code case} if the case file is restricted
   */
  public Communication create(Caller caller, UUID caseId) {
    return communications.create(caller, draft(caller, caseId));
  }

  /** The draft of a letter from the case file {@code caseId}, not stored. */
  public Communication draft(Caller caller, UUID caseId) {
    caller.require(Permission.WRITE_RECORDS);
    CaseFile caseFile = cases.get(caller, caseId);
    if (caseFile.confidentiality() == Confidentiality.RESTRICTED) {
      throw new InvalidInput(
          "case", "is restricted; a letter to a government is not drafted from a restricted case file. Write it by hand");
    }
    Material material = material(caller, caseFile);
    List<String> states = states(caseFile).stream().limit(1).toList();
    String topic = topic(material);
    List<UUID> cited = new ArrayList<>();
    String background = background(material);
    String allegations = allegations(material, cited);
    List<String> mandateCodes =
        mandates.find(DEFENDERS_MANDATE).isPresent() ? List.of(DEFENDERS_MANDATE) : List.of();
    return Communication.draft(
        Confidentiality.INTERNAL,
        CommunicationType.AL,
        states,
        List.of(),
        mandateCodes,
        List.of(caseId),
        material.atRisk().stream().map(Person::id).toList(),
        topic,
        summary(material, background),
        "Topic: " + topic + ".\n\n" + background + "\n\n" + allegations,
        concerns(material),
        questions(material, states),
        standards(material),
        cited.stream().distinct().toList(),
        null,
        List.of(),
        null);
  }

  /** What of a case file may go into a letter, as the writer sees it. */
  private record Material(
      CaseFile caseFile,
      List<Person> atRisk,
      List<Organization> organizationsAtRisk,
      List<Organization> organizations,
      List<ChronologyItem> items,
      Map<UUID, Event> events,
      List<Proceeding> proceedings,
      Map<UUID, String> sourceTitles,
      WithheldNames withheld) {}

  private Material material(Caller caller, CaseFile caseFile) {
    UUID caseId = caseFile.id();
    List<Person> casePersons = persons.list(caller, new PersonStore.Filter(null, caseId, false), ALL).items();
    WithheldNames withheld = WithheldNames.among(casePersons);
    List<Person> atRisk =
        casePersons.stream().filter(person -> caseFile.subjects().contains(person.id())).filter(LetterDraft::tellable).toList();
    List<Organization> caseOrganizations =
        organizations.list(caller, new OrganizationStore.Filter(null, caseId, null, false), ALL).items().stream()
            .filter(organization -> organization.confidentiality() != Confidentiality.RESTRICTED && !organization.isVoided())
            .toList();
    Map<UUID, String> sourceTitles = new LinkedHashMap<>();
    for (Source source : sources.list(caller, new SourceStore.Filter(null, caseId, null, false), ALL).items()) {
      if (source.confidentiality() != Confidentiality.RESTRICTED && !source.isVoided()) {
        sourceTitles.put(source.id(), source.title());
      }
    }
    Map<UUID, Event> caseEvents = new LinkedHashMap<>();
    for (Event event : events.list(caller, new EventStore.Filter(caseId, null, null, null, null, false), ALL).items()) {
      if (event.confidentiality() != Confidentiality.RESTRICTED) {
        caseEvents.put(event.id(), event);
      }
    }
    List<Proceeding> caseProceedings =
        proceedings.list(caller, new ProceedingStore.Filter(caseId, null, null, false), ALL).items().stream()
            .filter(proceeding -> proceeding.confidentiality() != Confidentiality.RESTRICTED)
            .toList();
    Set<UUID> tellableProceedings = caseProceedings.stream().map(Proceeding::id).collect(Collectors.toSet());
    List<ChronologyItem> told =
        chronology.chronology(caller, caseId, ChronologyService.Filter.ALL).stream()
            .filter(item -> item.confidentiality() != Confidentiality.RESTRICTED)
            .filter(item -> item.kind().equals(ChronologyItem.EVENT)
                ? caseEvents.containsKey(item.id()) && !CORRESPONDENCE.contains(item.type())
                : tellableProceedings.contains(item.id()))
            .toList();
    // A step of a proceeding that an event of the same proceeding and date already tells is told once.
    Set<String> toldByEvents = new java.util.HashSet<>();
    told.stream()
        .filter(item -> item.kind().equals(ChronologyItem.EVENT) && item.proceeding() != null)
        .forEach(item -> toldByEvents.add(item.proceeding().id() + " " + item.date().toEdtf()));
    List<ChronologyItem> items =
        told.stream()
            .filter(item -> item.kind().equals(ChronologyItem.EVENT) || !toldByEvents.contains(item.id() + " " + item.date().toEdtf()))
            .toList();
    return new Material(
        caseFile,
        atRisk,
        caseOrganizations.stream().filter(organization -> caseFile.subjects().contains(organization.id())).toList(),
        caseOrganizations,
        items,
        caseEvents,
        caseProceedings,
        sourceTitles,
        withheld);
  }

  /** Whether a person may be named in a letter: neither protected nor restricted, nor withheld from the writer. */
  private static boolean tellable(Person person) {
    return WithheldNames.nameable(person);
  }

  /** Text copied from a record, with the names that may not be told replaced. */
  private static String told(Material material, String text) {
    if (text == null) {
      return null;
    }
    return material.withheld().apply(text, WITHHELD).strip();
  }

  /**
   * The case file's countries as ISO 3166-1 alpha-3 codes, in its order. A drafted letter goes to the
   * first, the State the case file is mainly about; the drafter adds the others it concerns.
   */
  public static List<String> states(CaseFile caseFile) {
    Set<String> states = new LinkedHashSet<>();
    for (String country : caseFile.countries()) {
      String code = alpha3(country);
      if (code != null) {
        states.add(code);
      }
    }
    return List.copyOf(states);
  }

  private static String alpha3(String country) {
    if (country == null) {
      return null;
    }
    String code = country.strip().toUpperCase(Locale.ROOT);
    if (code.length() == 3 && Set.of(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)).contains(code)) {
      return code;
    }
    if (code.length() != 2 || !Set.of(Locale.getISOCountries()).contains(code)) {
      return null;
    }
    return new Locale.Builder().setRegion(code).build().getISO3Country();
  }

  private static String countryName(String alpha3) {
    for (String alpha2 : Locale.getISOCountries()) {
      Locale country = new Locale.Builder().setRegion(alpha2).build();
      if (country.getISO3Country().equals(alpha3)) {
        return country.getDisplayCountry(Locale.ENGLISH);
      }
    }
    return alpha3;
  }

  /** "Dinara Smailova", "Dinara Smailova and Almat Mukhamedzhanov": who the letter is about. */
  private static String who(Material material) {
    List<String> names = new ArrayList<>(material.atRisk().stream().map(Person::name).toList());
    if (names.isEmpty()) {
      material.organizationsAtRisk().forEach(organization -> names.add(organization.name()));
    }
    if (names.isEmpty()) {
      return "the human rights defenders of the case file \"" + material.caseFile().title() + "\"";
    }
    return joined(names);
  }

  /** "her", "his" or "their": the possessive of who the letter is about. */
  private static String their(Material material) {
    if (several(material) || material.atRisk().size() != 1) {
      return "their";
    }
    return switch (String.valueOf(material.atRisk().get(0).sex())) {
      case "female" -> "her";
      case "male" -> "his";
      default -> "their";
    };
  }

  /** "her", "him" or "them": who the letter is about, as an object. */
  private static String them(Material material) {
    String possessive = their(material);
    return possessive.equals("his") ? "him" : possessive.equals("her") ? "her" : "them";
  }

  private static boolean several(Material material) {
    return material.atRisk().size() + (material.atRisk().isEmpty() ? material.organizationsAtRisk().size() : 0) > 1;
  }

  private String topic(Material material) {
    List<String> acts = new ArrayList<>();
    for (ChronologyItem item : material.items()) {
      if (item.kind().equals(ChronologyItem.EVENT) && ACTS.contains(item.type())) {
        String label = vocabularies.label(Vocabularies.EVENT_TYPE, item.type(), false).toLowerCase(Locale.ENGLISH);
        if (!acts.contains(label) && acts.size() < TOPIC_ACTS) {
          acts.add(label);
        }
      }
    }
    String defenders =
        (material.atRisk().isEmpty() ? "" : several(material) ? "human rights defenders " : "human rights defender ")
            + who(material);
    return acts.isEmpty()
        ? "The situation of " + defenders
        : "The situation of " + defenders + ": " + joined(acts);
  }

  private String background(Material material) {
    List<String> paragraphs = new ArrayList<>();
    for (Person person : material.atRisk()) {
      StringBuilder paragraph = new StringBuilder(person.name());
      if (person.occupation() != null && !person.occupation().isBlank()) {
        paragraph.append(" (").append(person.occupation().strip()).append(")");
      }
      List<String> roles = new ArrayList<>();
      for (Organization organization : material.organizations()) {
        for (Membership membership : organization.memberships()) {
          if (person.id().equals(membership.person())) {
            String role = membership.role() == null ? "member" : vocabularies.label(Vocabularies.MEMBERSHIP_ROLE, membership.role(), false)
                .toLowerCase(Locale.ENGLISH);
            roles.add(role + " of " + organization.name()
                + (membership.start() == null ? "" : " since " + membership.start().format(Locale.ENGLISH)));
          }
        }
      }
      paragraph.append(roles.isEmpty() ? " is a human rights defender." : " is " + joined(roles) + ".");
      paragraphs.add(paragraph.toString());
    }
    for (Organization organization : material.organizationsAtRisk()) {
      String kind = organization.kind() == null ? "organization"
          : vocabularies.label(Vocabularies.ORGANIZATION_KIND, organization.kind(), false).toLowerCase(Locale.ENGLISH);
      String country = alpha3(organization.country());
      paragraphs.add(organization.name() + " is a " + kind + (country == null ? "" : " in " + countryName(country)) + ".");
    }
    if (paragraphs.isEmpty()) {
      paragraphs.add("[Describe the human rights defenders concerned and their work.]");
    }
    return "Background\n\n" + String.join("\n\n", paragraphs);
  }

  /** The allegations in date order, each with its date as known and its sources; the cited sources are added to {@code cited}. */
  private String allegations(Material material, List<UUID> cited) {
    List<String> lines = new ArrayList<>();
    for (ChronologyItem item : material.items()) {
      StringBuilder line = new StringBuilder(item.dateText()).append(": ").append(told(material, item.title()));
      if (item.kind().equals(ChronologyItem.EVENT)) {
        Event event = material.events().get(item.id());
        if (event != null && event.description() != null && !event.description().isBlank()) {
          line.append(". ").append(told(material, event.description()));
        }
      }
      List<String> titles = new ArrayList<>();
      for (ChronologyItem.SourceRef source : item.sources()) {
        String title = material.sourceTitles().get(source.id());
        if (title != null) {
          titles.add(title);
          cited.add(source.id());
        }
      }
      if (!line.toString().endsWith(".")) {
        line.append('.');
      }
      if (!titles.isEmpty()) {
        line.append(" (Sources: ").append(String.join("; ", titles)).append(".)");
      }
      lines.add(line.toString());
    }
    List<String> charges = charges(material);
    StringBuilder text = new StringBuilder("Allegations\n\nAccording to the information received:\n\n");
    text.append(lines.isEmpty() ? "[No event of the case file may be told.]" : String.join("\n\n", lines));
    if (!charges.isEmpty()) {
      text.append("\n\nCharges:\n\n").append(String.join("\n", charges));
    }
    return text.toString();
  }

  /** The charges of the proceedings, "Fraud case over donations: KZ-CC 190(4)(2) (Fraud)". */
  private List<String> charges(Material material) {
    List<String> charges = new ArrayList<>();
    for (Proceeding proceeding : material.proceedings()) {
      if (proceeding.charges().isEmpty()) {
        continue;
      }
      List<String> cited = proceeding.charges().stream()
          .map(charge -> charge.citation() + (charge.title() == null ? "" : " (" + charge.title() + ")"))
          .toList();
      charges.add("- " + told(material, proceeding.title()) + ": " + String.join(", ", cited));
    }
    return charges;
  }

  private String summary(Material material, String background) {
    String first = material.items().isEmpty() ? null : material.items().get(0).dateText();
    String last = material.items().isEmpty() ? null : material.items().get(material.items().size() - 1).dateText();
    String about = background.replaceFirst("^Background\\n\\n", "").lines().findFirst().orElse("");
    return about + (first == null ? "" : " The allegations run from " + first + " to " + last + ".");
  }

  private boolean has(Material material, String... types) {
    Set<String> wanted = Set.of(types);
    return material.items().stream().anyMatch(item -> item.kind().equals(ChronologyItem.EVENT) && wanted.contains(item.type()));
  }

  private boolean criminal(Material material) {
    return material.proceedings().stream().anyMatch(proceeding -> "criminal".equals(proceeding.kind()))
        || has(material, "criminal-case-opened", "suspect-named", "conviction");
  }

  private String concerns(Material material) {
    String who = who(material);
    StringBuilder concerns =
        new StringBuilder("We express serious concern that the acts described above appear to be in retaliation for the"
            + " legitimate human rights work of " + who + ".");
    if (criminal(material)) {
      concerns.append(" We are concerned that the criminal proceedings against ").append(who)
          .append(" may be aimed at criminalising that work, and that they may not respect due process guarantees.");
    }
    if (has(material, "wanted-listing", "extradition-request")) {
      concerns.append(" We are further concerned by the search for ").append(who)
          .append(" beyond the borders of the State and by the risk of a forced return.");
    }
    if (has(material, "surveillance", "bank-data-seized", "bank-accounts-blocked")) {
      concerns.append(" We are also concerned by the collection of personal and financial data of ").append(who)
          .append(" and of those who support ").append(their(material)).append(" work.");
    }
    return concerns.toString();
  }

  private List<String> questions(Material material, List<String> states) {
    String who = who(material);
    List<String> questions = new ArrayList<>();
    questions.add("Please provide any additional information and any comment you may have on the above-mentioned allegations.");
    if (criminal(material)) {
      List<String> citations = material.proceedings().stream()
          .flatMap(proceeding -> proceeding.charges().stream()).map(Charge::citation).distinct().toList();
      questions.add("Please provide information on the factual and legal basis of the criminal proceedings against " + who
          + (citations.isEmpty() ? "" : ", including the charges under " + joined(citations))
          + ", and explain how they are compatible with international human rights law and standards.");
    }
    if (has(material, "detention")) {
      questions.add("Please provide information on the legal basis of the arrest and detention of " + who
          + ", and on the measures taken to guarantee " + their(material) + " physical and psychological integrity.");
    }
    if (criminal(material) || !material.proceedings().isEmpty()) {
      questions.add("Please indicate the measures taken to guarantee a fair trial and due process to " + who
          + ", including access for " + them(material) + " and " + their(material)
          + " lawyers to the case materials and to the decisions on the procedural"
          + " status of each case.");
    }
    if (has(material, "wanted-listing", "extradition-request")) {
      questions.add("Please provide information on any national or international search, wanted listing or request for"
          + " extradition concerning " + who + ", and on its legal basis.");
    }
    if (has(material, "surveillance", "bank-data-seized", "bank-accounts-blocked")) {
      questions.add("Please provide information on the legal basis for collecting the personal and financial data of " + who
          + " and of those who supported " + their(material) + " work, and on the safeguards against its misuse.");
    }
    if (has(material, "registration-refused")) {
      questions.add("Please explain the grounds on which registration was refused, and how the refusal is compatible with the"
          + " right to freedom of association.");
    }
    String where = states.isEmpty() ? "the country" : countryName(states.get(0));
    questions.add("Please indicate the measures taken to ensure that human rights defenders in " + where
        + " can carry out their legitimate work in a safe and enabling environment, without fear of threats, intimidation"
        + " or reprisals of any sort.");
    return questions;
  }

  private List<String> standards(Material material) {
    Set<Integer> articles = new TreeSet<>();
    for (ChronologyItem item : material.items()) {
      if (item.kind().equals(ChronologyItem.EVENT) && COVENANT_BY_EVENT.containsKey(item.type())) {
        articles.add(COVENANT_BY_EVENT.get(item.type()));
      }
    }
    if (!material.proceedings().isEmpty()) {
      articles.add(14);
    }
    for (Proceeding proceeding : material.proceedings()) {
      for (Charge charge : proceeding.charges()) {
        String title = charge.title() == null ? "" : charge.title();
        COVENANT_BY_CHARGE.forEach((words, article) -> {
          if (words.matcher(title).find()) {
            articles.add(article);
          }
        });
      }
    }
    if (!material.organizationsAtRisk().isEmpty()) {
      articles.add(22);
    }
    List<String> standards = new ArrayList<>();
    standards.add(DECLARATION);
    articles.forEach(article -> standards.add("Article " + article + " " + COVENANT));
    if (material.atRisk().stream().anyMatch(person -> "female".equals(person.sex()))) {
      standards.add(WOMEN_DEFENDERS);
    }
    return standards;
  }

  private static String joined(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
