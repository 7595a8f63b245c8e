package org.casebook.vocabulary;

import java.util.Map;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Requests;
import org.casebook.web.Routes;

/** The vocabularies over HTTP: list them, read one, add a term. */
public final class VocabularyRoutes implements Feature {
  private final Vocabularies vocabularies;
  private final Requests requests;

  /** The body that adds a term or relabels an existing one. */
  public record NewTerm(String code, String labelEn, String labelRu) {}

  /** One vocabulary with its terms. */
  public record Vocabulary(String name, java.util.List<VocabularyTerm> terms) {}

  public VocabularyRoutes(Vocabularies vocabularies, Requests requests) {
    this.vocabularies = vocabularies;
    this.requests = requests;
  }

  @Override
  public void register(Routes routes) {
    routes.get(
        "/api/v1/vocabularies",
        ApiDoc.of("vocabularies", "The names of the vocabularies").returns(Map.class),
        context -> context.json(Map.of("names", vocabularies.names())));
    routes.get(
        "/api/v1/vocabularies/{name}",
        ApiDoc.of("vocabularies", "The terms of one vocabulary, in display order").returns(Vocabulary.class),
        context -> {
          String name = context.pathParam("name");
          context.json(new Vocabulary(name, vocabularies.terms(name)));
        });
    routes.post(
        "/api/v1/vocabularies/{name}/terms",
        ApiDoc.of("vocabularies", "Add a term to a vocabulary, or relabel and reactivate one")
            .accepts(NewTerm.class)
            .returns(VocabularyTerm.class)
            .status(201),
        context -> {
          NewTerm term = requests.body(context, NewTerm.class);
          context.status(201);
          context.json(
              vocabularies.addTerm(
                  Callers.of(context), context.pathParam("name"), term.code(), term.labelEn(), term.labelRu()));
        });
  }
}
