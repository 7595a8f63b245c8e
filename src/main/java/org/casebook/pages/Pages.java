package org.casebook.pages;

import java.time.Clock;
import java.util.List;
import org.casebook.accounts.AccountService;
import org.casebook.accounts.BrowserSessions;
import org.casebook.accounts.TeamService;
import org.casebook.catalogue.CatalogueService;
import org.casebook.chronology.ChronologyService;
import org.casebook.communications.CommunicationRegister;
import org.casebook.communications.DeadlineService;
import org.casebook.communications.LetterDraft;
import org.casebook.communications.MandateService;
import org.casebook.letters.LetterRenderer;
import org.casebook.publication.PublicationService;
import org.casebook.search.SearchService;
import org.casebook.transfer.ExportService;
import org.casebook.transfer.ImportService;
import org.casebook.transfer.RecordServices;
import org.casebook.vocabulary.Vocabularies;
import org.casebook.web.ErrorPages;
import org.casebook.web.Feature;
import org.jdbi.v3.core.Jdbi;

/**
 * The HTML pages of Casebook, built once when the server starts: their features (static assets,
 * sign-in, the pages of signed-in users, the public site) and their error pages.
 *
 * <p>Immutable and thread-safe.
 */
public final class Pages {
  private final List<Feature> features;
  private final ErrorPages errorPages;

  private Pages(List<Feature> features, ErrorPages errorPages) {
    this.features = features;
    this.errorPages = errorPages;
  }

  /**
   * Builds the pages over the services; {@code demo} shows a banner on every page, so that nobody
   * takes the demo for a real installation.
   */
  public static Pages create(
      AccountService accounts,
      Jdbi jdbi,
      Clock clock,
      RecordServices records,
      ChronologyService chronology,
      Vocabularies vocabularies,
      PublicationService publication,
      ImportService importer,
      ExportService exporter,
      TeamService teams,
      CatalogueService catalogue,
      DeadlineService deadlines,
      MandateService mandates,
      CommunicationRegister register,
      SearchService search,
      boolean demo) {
    Assets assets = Assets.load();
    PageRenderer renderer = new PageRenderer(new Templates(), assets, demo);
    SignInPages signIn = new SignInPages(renderer, new BrowserSessions(accounts, jdbi, clock));
    Forms forms = new Forms(vocabularies);
    List<Feature> features =
        List.of(
            assets,
            signIn,
            new CaseFileForms(renderer, signIn, records, forms),
            new CasePages(
                renderer, signIn, records, chronology, vocabularies, new RestrictedGrants(jdbi),
                new RecentChanges(jdbi, records), accounts, deadlines),
            new EventForms(renderer, signIn, records, forms),
            new PickerPages(renderer, records),
            new VoidPages(renderer, signIn, records),
            new OrganizationForms(renderer, signIn, records, forms),
            new SourceForms(renderer, signIn, records, forms),
            new ProceedingForms(renderer, signIn, records, forms, catalogue, new RestrictedGrants(jdbi)),
            new PeopleForms(renderer, signIn, records, forms, jdbi),
            new AccountPages(renderer, signIn, accounts, clock),
            new UserAdministrationPages(renderer, signIn, accounts),
            new TransferPages(renderer, signIn, importer, exporter),
            new TeamPages(renderer, signIn, teams, accounts, records.cases()),
            new ReferenceDataPages(renderer, signIn, vocabularies, catalogue),
            new SearchPages(renderer, signIn, search, vocabularies),
            new PublicPages(renderer, publication, new CaseViews(vocabularies)),
            new CommunicationForms(
                renderer, signIn, records, forms, mandates,
                new LetterDraft(
                    records.cases(), records.persons(), records.organizations(), records.events(), records.proceedings(),
                    records.sources(), chronology, vocabularies, records.communications(), mandates)),
            new CommunicationPages(renderer, signIn, records, mandates, deadlines, clock),
            new ReplyForms(renderer, signIn, records, new RestrictedGrants(jdbi)),
            new ClaimForms(renderer, signIn, records, new RestrictedGrants(jdbi)),
            new RegisterPages(renderer, register, mandates),
            new LetterPages(renderer, signIn, records, mandates, register, new LetterRenderer()));
    return new Pages(features, new HtmlErrorPages(renderer));
  }

  public List<Feature> features() {
    return features;
  }

  public ErrorPages errorPages() {
    return errorPages;
  }
}
