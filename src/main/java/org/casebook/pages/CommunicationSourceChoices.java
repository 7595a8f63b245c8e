package org.casebook.pages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.Page;
import org.casebook.common.PageRequest;
import org.casebook.communications.Communication;
import org.casebook.sources.SourceStore;
import org.casebook.transfer.RecordServices;

/**
 * The sources the reply and claim forms offer: those of the case files the communication is linked
 * to and the reader may see, then any source already chosen that is not among them (a source of
 * another case file), so that a form shown again keeps the choice. A source the reader may not see
 * is not offered; the service refuses its id if it is sent.
 */
final class CommunicationSourceChoices {
  private static final PageRequest ALL_OF_A_CASE = new PageRequest(1, Page.MAX_SIZE);

  private CommunicationSourceChoices() {}

  static List<CaseView.Choice> of(RecordServices records, Caller caller, Communication communication, Collection<UUID> chosen) {
    Map<UUID, String> titles = new LinkedHashMap<>();
    for (UUID caseId : communication.cases()) {
      try {
        records.cases().get(caller, caseId);
      } catch (NoSuchRecord notVisible) {
        continue;
      }
      records.sources().list(caller, new SourceStore.Filter(null, caseId, null, false), ALL_OF_A_CASE).items()
          .forEach(source -> titles.putIfAbsent(source.id(), source.title()));
    }
    for (UUID id : chosen) {
      if (id != null && !titles.containsKey(id)) {
        try {
          titles.put(id, records.sources().get(caller, id).title());
        } catch (NoSuchRecord notVisible) {
          // Left out: the reader may not see it.
        }
      }
    }
    List<CaseView.Choice> choices = new ArrayList<>();
    titles.forEach((id, title) -> choices.add(new CaseView.Choice(id.toString(), title == null ? id.toString() : title)));
    return choices;
  }

  /** The titles of {@code choices} by id, to put chosen ids into words. */
  static Map<String, String> titles(List<CaseView.Choice> choices) {
    Map<String, String> titles = new LinkedHashMap<>();
    choices.forEach(choice -> titles.put(choice.code(), choice.label()));
    return titles;
  }

  /** Chosen ids in words, by their titles, separated by semicolons. */
  static String inWords(List<String> ids, Map<String, String> titles) {
    return String.join("; ", ids.stream().filter(id -> !id.isBlank()).map(id -> titles.getOrDefault(id, id)).toList());
  }
}
