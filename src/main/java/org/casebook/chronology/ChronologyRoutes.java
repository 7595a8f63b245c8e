package org.casebook.chronology;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.common.Checks;
import org.casebook.dates.PartialDate;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** {@code GET /api/v1/cases/{id}/chronology}: the merged, ordered chronology of a case file. */
public final class ChronologyRoutes implements Feature {
  private final ChronologyService chronology;

  public ChronologyRoutes(ChronologyService chronology) {
    this.chronology = chronology;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/api/v1/cases/{id}/chronology",
        ApiDoc.of("cases", "The case's events and proceedings' status changes in date order")
            .returns(Chronology.class)
            .query("type", "from", "to"),
        context -> {
          Checks checks = new Checks();
          PartialDate from = checks.date("from", context.queryParam("from"));
          PartialDate to = checks.date("to", context.queryParam("to"));
          checks.throwIfAny();
          String types = context.queryParam("type");
          Set<String> typeSet =
              types == null || types.isBlank()
                  ? Set.of()
                  : Arrays.stream(types.split(",")).map(String::trim).filter(type -> !type.isEmpty()).collect(Collectors.toSet());
          context.json(
              new Chronology(
                  chronology.chronology(
                      Callers.of(context), Requests.pathId(context, "id"), new ChronologyService.Filter(typeSet, from, to))));
        });
  }
}
