package org.casebook.pages;

import java.util.List;
import org.casebook.transfer.RecordServices;
import org.casebook.web.Feature;
import org.casebook.web.Routes;
import org.jdbi.v3.core.Jdbi;

/**
 * The forms about the people of a case file, {@link PersonForms} and {@link RelationshipForms},
 * registered together: they share how they find the case file to go back to and whether the reader
 * holds the restricted grant.
 */
final class PeopleForms implements Feature {
  private final List<Feature> forms;

  PeopleForms(PageRenderer renderer, SignInPages signIn, RecordServices records, Forms forms, Jdbi jdbi) {
    CaseFilesListing listing = new CaseFilesListing(jdbi, records);
    RestrictedGrants grants = new RestrictedGrants(jdbi);
    this.forms =
        List.of(
            new PersonForms(renderer, signIn, records, forms, listing, grants),
            new RelationshipForms(renderer, signIn, records, forms, listing, grants));
  }

  @Override
  public void register(Routes routes) {
    forms.forEach(form -> form.register(routes));
  }
}
