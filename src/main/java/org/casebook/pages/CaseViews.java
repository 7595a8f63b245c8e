package org.casebook.pages;

import gg.jte.Content;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casebook.casepage.ProceedingsDrawing;
import org.casebook.cases.CaseFile;
import org.casebook.chronology.ChronologyItem;
import org.casebook.common.Name;
import org.casebook.common.Redaction;
import org.casebook.dates.PartialDate;
import org.casebook.organizations.Organization;
import org.casebook.people.Person;
import org.casebook.people.Relationship;
import org.casebook.proceedings.Charge;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.StatusChange;
import org.casebook.publication.PublicCase;
import org.casebook.sources.Source;
import org.casebook.vocabulary.Vocabularies;

/**
 * Puts a case file into the words of a page: labels of coded values and dates in the interface
 * language, the proceedings' current status, the charges with their maximum penalties. One maker
 * for the records a signed-in reader sees and for the published view, so that both pages show a
 * case the same way. Thread-safe.
 */
final class CaseViews {
  private final Vocabularies vocabularies;

  CaseViews(Vocabularies vocabularies) {
    this.vocabularies = vocabularies;
  }

  /**
   * The records of a case file as a signed-in reader may see them.
   *
   * @param sourcesWithFiles the sources among {@code sources} whose file is stored, to link to
   */
  record Records(
      CaseFile caseFile,
      List<Person> persons,
      List<Organization> organizations,
      List<Relationship> relationships,
      List<ChronologyItem> chronology,
      String timelineType,
      List<Proceeding> proceedings,
      List<Source> sources,
      Set<UUID> sourcesWithFiles) {}

  CaseView of(Records records, PageContext page) {
    CaseFile caseFile = records.caseFile();
    Map<UUID, CaseView.PartyView> parties = new LinkedHashMap<>();
    records.persons().forEach(person -> parties.put(person.id(), party(person.id(), person.name(), person.otherNames(), person.occupation())));
    records.organizations().forEach(organization -> parties.put(organization.id(), party(organization.id(), organization.name(), organization.otherNames(), null)));
    List<CaseView.Choice> types = new ArrayList<>();
    List<CaseView.TimelineEntry> timeline = new ArrayList<>();
    for (ChronologyItem item : records.chronology()) {
      String vocabulary = item.kind().equals(ChronologyItem.EVENT) ? Vocabularies.EVENT_TYPE : Vocabularies.PROCEEDING_STATUS;
      String label = label(vocabulary, item.type(), page);
      if (types.stream().noneMatch(choice -> choice.code().equals(item.type()))) {
        types.add(new CaseView.Choice(item.type(), label));
      }
      if (records.timelineType() == null || records.timelineType().equals(item.type())) {
        boolean statusChange = item.kind().equals(ChronologyItem.STATUS_CHANGE);
        timeline.add(
            new CaseView.TimelineEntry(
                statusChange ? null : item.id(),
                page.date(item.date()),
                item.date().toEdtf(),
                label,
                statusChange ? item.proceeding().title() : item.title(),
                statusChange || item.proceeding() == null ? null : item.proceeding().title(),
                item.sources().stream().map(ChronologyItem.SourceRef::title).toList()));
      }
    }
    types.sort(Comparator.comparing(CaseView.Choice::label));
    return new CaseView(
        caseFile.id(),
        caseFile.title(),
        caseFile.summary(),
        caseFile.countries(),
        caseFile.risk(),
        label(Vocabularies.RISK_LEVEL, caseFile.risk(), page),
        label(Vocabularies.CASE_STATUS, caseFile.status(), page),
        caseFile.subjects().stream().map(id -> parties.getOrDefault(id, withheld())).toList(),
        records.persons().stream().map(person -> parties.get(person.id())).toList(),
        records.organizations().stream()
            .map(organization -> new CaseView.OrganizationRow(organization.id(), parties.get(organization.id()), members(organization, parties, page)))
            .toList(),
        records.relationships().stream().map(relationship -> relationshipRow(relationship, parties, page)).toList(),
        timeline,
        types,
        records.timelineType(),
        proceedingsDrawing(records.proceedings(), page),
        records.proceedings().stream()
            .map(proceeding -> proceedingRow(proceeding, page))
            .toList(),
        records.sources().stream().map(source -> sourceRow(source, records.sourcesWithFiles().contains(source.id()), page)).toList());
  }

  /** A published case file, with its withheld names and records marked where they stand. */
  CaseView of(PublicCase published, String timelineType, PageContext page) {
    Map<UUID, String> sourceTitles = new HashMap<>();
    published.sources().forEach(source -> sourceTitles.put(source.id(), source.title()));
    record Dated(PartialDate date, boolean statusChange, String type, String title, String proceeding, List<String> sources) {}
    List<Dated> items = new ArrayList<>();
    for (PublicCase.Event event : published.events()) {
      items.add(
          new Dated(
              event.date(), false, event.type(), event.title(), null,
              event.sources().stream().map(sourceTitles::get).toList()));
    }
    for (PublicCase.Proceeding proceeding : published.proceedings()) {
      for (PublicCase.StatusChange change : proceeding.history()) {
        items.add(new Dated(change.date(), true, change.status(), proceeding.title(), null, List.of()));
      }
    }
    items.sort(
        Comparator.comparing(Dated::date)
            .thenComparing(item -> item.statusChange() ? 1 : 0)
            .thenComparing(Dated::title));
    List<CaseView.Choice> types = new ArrayList<>();
    List<CaseView.TimelineEntry> timeline = new ArrayList<>();
    for (Dated item : items) {
      String label = label(item.statusChange() ? Vocabularies.PROCEEDING_STATUS : Vocabularies.EVENT_TYPE, item.type(), page);
      if (types.stream().noneMatch(choice -> choice.code().equals(item.type()))) {
        types.add(new CaseView.Choice(item.type(), label));
      }
      if (timelineType == null || timelineType.equals(item.type())) {
        timeline.add(new CaseView.TimelineEntry(null, page.date(item.date()), item.date().toEdtf(), label, item.title(), null, item.sources()));
      }
    }
    types.sort(Comparator.comparing(CaseView.Choice::label));
    return new CaseView(
        published.id(),
        published.title(),
        published.summary(),
        published.countries(),
        published.risk(),
        label(Vocabularies.RISK_LEVEL, published.risk(), page),
        label(Vocabularies.CASE_STATUS, published.status(), page),
        published.subjects().stream().map(party -> new CaseView.PartyView(null, party.name(), party.otherNames(), null)).toList(),
        published.persons().stream().map(party -> new CaseView.PartyView(null, party.name(), party.otherNames(), null)).toList(),
        published.organizations().stream()
            .map(party -> new CaseView.OrganizationRow(null, new CaseView.PartyView(null, party.name(), party.otherNames(), null), List.of()))
            .toList(),
        List.of(),
        timeline,
        types,
        timelineType,
        null,
        published.proceedings().stream().map(proceeding -> publishedProceedingRow(proceeding, page)).toList(),
        published.sources().stream()
            .map(
                source ->
                    new CaseView.SourceRow(
                        null,
                        source.title(),
                        label(Vocabularies.SOURCE_KIND, source.kind(), page),
                        source.publisher(),
                        page.date(source.date()),
                        source.language(),
                        page.safeLink(source.url()),
                        label(Vocabularies.RELIABILITY, source.reliability(), page),
                        false))
            .toList());
  }

  /**
   * The drawing of the proceedings' histories along one time axis, made on the server as SVG with
   * every text escaped; null when there is nothing to draw. Only proceedings the reader may see
   * reach it, and it draws no notes.
   */
  private Content proceedingsDrawing(List<Proceeding> proceedings, PageContext page) {
    if (proceedings.isEmpty()) {
      return null;
    }
    String svg =
        ProceedingsDrawing.svg(
            proceedings, page.locale(), code -> label(Vocabularies.PROCEEDING_STATUS, code, page));
    return output -> output.writeContent(svg);
  }

  private CaseView.ProceedingRow proceedingRow(Proceeding proceeding, PageContext page) {
    StatusChange current = proceeding.history().isEmpty() ? null : proceeding.history().get(proceeding.history().size() - 1);
    return new CaseView.ProceedingRow(
        proceeding.id(),
        proceeding.title(),
        label(Vocabularies.PROCEEDING_KIND, proceeding.kind(), page),
        proceeding.authority(),
        proceeding.number(),
        proceeding.charges().stream().map(charge -> chargeRow(charge, page)).toList(),
        current == null ? null : label(Vocabularies.PROCEEDING_STATUS, current.status(), page),
        current == null ? null : page.date(current.date()),
        proceeding.outcome() == null ? null : proceeding.outcome().summary());
  }

  private CaseView.ProceedingRow publishedProceedingRow(PublicCase.Proceeding proceeding, PageContext page) {
    PublicCase.StatusChange current =
        proceeding.history().isEmpty() ? null : proceeding.history().get(proceeding.history().size() - 1);
    return new CaseView.ProceedingRow(
        null,
        proceeding.title(),
        label(Vocabularies.PROCEEDING_KIND, proceeding.kind(), page),
        proceeding.authority(),
        null,
        proceeding.charges().stream().map(charge -> new CaseView.ChargeRow(charge.citation(), charge.title(), null)).toList(),
        current == null ? null : label(Vocabularies.PROCEEDING_STATUS, current.status(), page),
        current == null ? null : page.date(current.date()),
        proceeding.outcome());
  }

  private static CaseView.ChargeRow chargeRow(Charge charge, PageContext page) {
    return new CaseView.ChargeRow(charge.citation(), charge.title(), years(charge.maxPenaltyYears(), page));
  }

  /** A maximum penalty in years, in words: "10 years", "10 лет", "0.5 years". */
  static String years(BigDecimal years, PageContext page) {
    if (years == null) {
      return null;
    }
    BigDecimal plain = years.stripTrailingZeros();
    String number = java.text.NumberFormat.getNumberInstance(page.locale()).format(plain);
    return page.t("penalty.years." + Plural.category(plain, page.locale()), number);
  }

  private CaseView.SourceRow sourceRow(Source source, boolean file, PageContext page) {
    return new CaseView.SourceRow(
        source.id(),
        source.title(),
        label(Vocabularies.SOURCE_KIND, source.kind(), page),
        source.publisher(),
        page.date(source.date()),
        source.language(),
        page.safeLink(source.url()),
        label(Vocabularies.RELIABILITY, source.reliability(), page),
        file);
  }

  private String label(String vocabulary, String code, PageContext page) {
    return code == null ? null : vocabularies.label(vocabulary, code, page.russian());
  }

  private static CaseView.PartyView party(UUID id, String name, List<Name> otherNames, String detail) {
    return new CaseView.PartyView(id, name, otherNames.stream().map(Name::name).toList(), detail);
  }

  private static CaseView.PartyView withheld() {
    return new CaseView.PartyView(null, Redaction.MARK, List.of(), null);
  }

  /** "Asel Nurova is spouse of Marat Nurov", with its period: the type's label starts in lower case. */
  private CaseView.RelationshipRow relationshipRow(
      Relationship relationship, Map<UUID, CaseView.PartyView> parties, PageContext page) {
    String type = label(Vocabularies.RELATIONSHIP_TYPE, relationship.type(), page);
    String text =
        page.t(
            "relationshipForm.sentence",
            nameOf(relationship.person(), parties),
            type == null ? "" : inSentence(type, page),
            nameOf(relationship.other(), parties));
    return new CaseView.RelationshipRow(relationship.id(), text, period(relationship.start(), relationship.end(), page));
  }

  /** "Dinara Smailova: founder, since 2016", one line for each member of the organization. */
  private List<String> members(Organization organization, Map<UUID, CaseView.PartyView> parties, PageContext page) {
    return organization.memberships().stream()
        .map(
            membership -> {
              String role = label(Vocabularies.MEMBERSHIP_ROLE, membership.role(), page);
              String period = period(membership.start(), membership.end(), page);
              String who = nameOf(membership.person(), parties);
              String line = role == null ? who : page.t("case.member", who, inSentence(role, page));
              return period == null ? line : line + ", " + period;
            })
        .toList();
  }

  private static String nameOf(UUID person, Map<UUID, CaseView.PartyView> parties) {
    CaseView.PartyView party = parties.get(person);
    return party == null ? Redaction.MARK : party.name();
  }

  /** A label to stand inside a sentence: "Spouse of" becomes "spouse of"; "NGO" stays. */
  private static String inSentence(String label, PageContext page) {
    boolean capitalizedWord = label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1));
    return capitalizedWord ? label.substring(0, 1).toLowerCase(page.locale()) + label.substring(1) : label;
  }

  /** "since 2010", "until 2019", "2010 to 2019", or null when neither end is known. */
  static String period(PartialDate start, PartialDate end, PageContext page) {
    if (start != null && end != null) {
      return page.t("relationshipForm.between", page.date(start), page.date(end));
    }
    if (start != null) {
      return page.t("relationshipForm.since", page.date(start));
    }
    return end == null ? null : page.t("relationshipForm.until", page.date(end));
  }
}
