package org.casebook.pages;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.common.NoSuchRecord;
import org.casebook.common.PageRequest;
import org.casebook.organizations.OrganizationStore;
import org.casebook.people.PersonStore;
import org.casebook.transfer.RecordServices;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The search behind the pickers of the record forms. A picker is an ordinary select of the case
 * file's records, which works without scripts; where scripts run, a search box above it asks one of
 * these routes for the matching records among all the reader may see, and htmx puts the answer in
 * place of the select's options. The options chosen before the search stay in the list.
 */
final class PickerPages implements Feature {
  /** How many matches a search offers; typing more narrows them. */
  static final int MATCHES = 25;

  private final PageRenderer renderer;
  private final RecordServices records;

  PickerPages(PageRenderer renderer, RecordServices records) {
    this.renderer = renderer;
    this.records = records;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/pickers/persons",
        ApiDoc.of("pages", "The options of a person picker: the persons whose names match q, among those the reader may see"),
        context -> answer(context, this::persons, this::personName));
    routes.get(
        "/pickers/organizations",
        ApiDoc.of("pages", "The options of an organization picker: the organizations whose names match q, among those the reader may see"),
        context -> answer(context, this::organizations, this::organizationName));
  }

  private void answer(Context context, Search search, Name name) {
    Caller caller = Callers.of(context);
    caller.require(Permission.READ_RECORDS);
    Set<String> selected = selected(context);
    Map<String, String> options = new LinkedHashMap<>();
    for (String id : selected) {
      String label = name.of(caller, UUID.fromString(id));
      if (label != null) {
        options.put(id, label);
      }
    }
    String query = context.queryParam("q");
    search.matching(caller, query == null || query.isBlank() ? null : query.trim()).forEach(options::putIfAbsent);
    List<CaseView.Choice> choices = new ArrayList<>();
    options.forEach((id, label) -> choices.add(new CaseView.Choice(id, label)));
    renderer.render(
        context,
        "picker_options.jte",
        renderer.context(context),
        Map.of("choices", choices, "selected", selected, "empty", "true".equals(context.queryParam("empty"))));
  }

  /** The ids the select held when the search began: every value of the request that is an id. */
  private static Set<String> selected(Context context) {
    Set<String> ids = new LinkedHashSet<>();
    context.queryParamMap().forEach((name, values) -> {
      if (!name.equals("q")) {
        values.stream().map(Forms::id).filter(id -> id != null).forEach(id -> ids.add(id.toString()));
      }
    });
    return ids;
  }

  private Map<String, String> persons(Caller caller, String text) {
    return labels(
        records.persons().list(caller, new PersonStore.Filter(text, null, false), new PageRequest(1, MATCHES)).items(),
        person -> person.id().toString(),
        person -> person.name());
  }

  private Map<String, String> organizations(Caller caller, String text) {
    return labels(
        records.organizations().list(caller, new OrganizationStore.Filter(text, null, null, false), new PageRequest(1, MATCHES)).items(),
        organization -> organization.id().toString(),
        organization -> organization.name());
  }

  private String personName(Caller caller, UUID id) {
    try {
      return records.persons().get(caller, id).name();
    } catch (NoSuchRecord notVisible) {
      return null;
    }
  }

  private String organizationName(Caller caller, UUID id) {
    try {
      return records.organizations().get(caller, id).name();
    } catch (NoSuchRecord notVisible) {
      return null;
    }
  }

  private static <T> Map<String, String> labels(List<T> items, Function<T, String> id, Function<T, String> label) {
    Map<String, String> labels = new LinkedHashMap<>();
    items.forEach(item -> labels.put(id.apply(item), label.apply(item)));
    return labels;
  }

  /** The records matching a search, id to label, in the order to offer them. */
  @FunctionalInterface
  private interface Search {
    Map<String, String> matching(Caller caller, String text);
  }

  /** The label of one record the reader may see, or null. */
  @FunctionalInterface
  private interface Name {
    String of(Caller caller, UUID id);
  }
}
