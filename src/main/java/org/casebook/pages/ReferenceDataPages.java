package org.casebook.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.catalogue.CatalogueService;
import org.casebook.catalogue.Provision;
import org.casebook.common.InvalidInput;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.vocabulary.VocabularyTerm;
import org.casebook.web.ApiDoc;
import org.casebook.web.Callers;
import org.casebook.web.Feature;
import org.casebook.web.Routes;

/**
 * The reference data pages of administrators: the coded vocabularies with their terms in both
 * languages, and the legal catalogue's codes and provisions, each with a form to add to it. Reading
 * and adding need {@link Permission#MANAGE_VOCABULARIES} and {@link Permission#MANAGE_CATALOGUE}.
 */
final class ReferenceDataPages implements Feature {
  static final String VOCABULARIES_PATH = "/admin/vocabularies";
  static final String CATALOGUE_PATH = "/admin/catalogue";

  private final PageRenderer renderer;
  private final SignInPages signIn;
  private final Vocabularies vocabularies;
  private final CatalogueService catalogue;

  ReferenceDataPages(PageRenderer renderer, SignInPages signIn, Vocabularies vocabularies, CatalogueService catalogue) {
    this.renderer = renderer;
    this.signIn = signIn;
    this.vocabularies = vocabularies;
    this.catalogue = catalogue;
  }

  @Override
  public void register(Routes routes) {
    routes.get(VOCABULARIES_PATH, ApiDoc.of("pages", "The coded vocabularies and their terms, for administrators"), this::showVocabularies);
    routes.post(VOCABULARIES_PATH, ApiDoc.of("pages", "Add a term to a vocabulary from the vocabularies page"), this::addTerm);
    routes.get(CATALOGUE_PATH, ApiDoc.of("pages", "The legal codes and their provisions, for administrators"), this::showCatalogue);
    routes.post(CATALOGUE_PATH, ApiDoc.of("pages", "Add a provision from the catalogue page"), this::addProvision);
  }

  private void showVocabularies(Context context) {
    if (askedToSignIn(context)) {
      return;
    }
    Callers.of(context).require(Permission.MANAGE_VOCABULARIES);
    renderVocabularies(context, null, null);
  }

  private void addTerm(Context context) {
    Caller caller = Callers.of(context);
    caller.require(Permission.MANAGE_VOCABULARIES);
    PageContext page = renderer.context(context);
    try {
      VocabularyTerm term =
          vocabularies.addTerm(
              caller, orEmpty(context.formParam("vocabulary")), orEmpty(context.formParam("code")).trim(),
              orEmpty(context.formParam("label_en")), orEmpty(context.formParam("label_ru")));
      renderVocabularies(context, page.t("vocabularies.added", term.code(), term.vocabulary()), null);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderVocabularies(context, null, page.t("users.rejected", describe(invalid)));
    }
  }

  private void showCatalogue(Context context) {
    if (askedToSignIn(context)) {
      return;
    }
    Callers.of(context).require(Permission.MANAGE_CATALOGUE);
    renderCatalogue(context, null, null);
  }

  private void addProvision(Context context) {
    Caller caller = Callers.of(context);
    caller.require(Permission.MANAGE_CATALOGUE);
    PageContext page = renderer.context(context);
    try {
      Provision added =
          catalogue.add(
              caller,
              new Provision(
                  null, orEmpty(context.formParam("code")), orEmpty(context.formParam("article")).trim(),
                  blankToNull(context.formParam("part")), orEmpty(context.formParam("title_en")),
                  orEmpty(context.formParam("title_ru")), penalty(context.formParam("max_penalty_years"))));
      renderCatalogue(context, page.t("catalogue.added", added.citation()), null);
    } catch (InvalidInput invalid) {
      context.status(HttpStatus.UNPROCESSABLE_CONTENT);
      renderCatalogue(context, null, page.t("users.rejected", describe(invalid)));
    }
  }

  private void renderVocabularies(Context context, String notice, String error) {
    Map<String, java.util.List<VocabularyTerm>> terms = new LinkedHashMap<>();
    for (String name : new TreeSet<>(vocabularies.names())) {
      terms.put(name, vocabularies.terms(name));
    }
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("vocabularies", terms);
    parameters.put("notice", notice);
    parameters.put("error", error);
    renderer.render(context, "admin_vocabularies.jte", renderer.context(context), parameters);
  }

  private void renderCatalogue(Context context, String notice, String error) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("codes", catalogue.codes());
    parameters.put("provisions", catalogue.provisions(null));
    parameters.put("notice", notice);
    parameters.put("error", error);
    renderer.render(context, "admin_catalogue.jte", renderer.context(context), parameters);
  }

  private boolean askedToSignIn(Context context) {
    if (Callers.of(context).isAnonymous()) {
      signIn.askToSignIn(context);
      return true;
    }
    return false;
  }

  /** The longest penalty in years from the form; empty is none, anything else not a number is refused. */
  private static BigDecimal penalty(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.trim().replace(',', '.'));
    } catch (NumberFormatException notANumber) {
      throw new InvalidInput("max_penalty_years", "\"" + text + "\" is not a number of years");
    }
  }

  private static String describe(InvalidInput invalid) {
    return String.join("; ", invalid.errors().stream().map(error -> error.field() + ": " + error.message()).toList());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
