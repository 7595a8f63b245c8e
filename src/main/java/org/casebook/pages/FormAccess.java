package org.casebook.pages;

import io.javalin.http.Context;
import java.util.UUID;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.cases.CaseFile;
import org.casebook.cases.CaseStore;
import org.casebook.cases.CaseService;
import org.casebook.common.NoSuchRecord;
import org.casebook.web.Callers;

/**
 * Who may use the forms of shared records (organizations, sources), and the case file such a form
 * belongs to. A shared record may be listed in several case files, so its edit form names the one
 * it was opened from ({@code ?case=} and the hidden field {@code case}), to show its title and to go
 * back to it.
 */
final class FormAccess {
  /** The query parameter and hidden field that name the case file to go back to. */
  static final String CASE = "case";

  private FormAccess() {}

  /** The signed-in caller if their role may write records; null when they are asked to sign in. */
  static Caller writer(Context context, SignInPages signIn) {
    Caller caller = Callers.of(context);
    if (caller.isAnonymous()) {
      signIn.askToSignIn(context);
      return null;
    }
    caller.require(Permission.WRITE_RECORDS);
    return caller;
  }

  /** Whether the caller's role may write records, and so is offered the buttons and links that change them. */
  static boolean mayWrite(Caller caller) {
    return caller.isSystem() || Permission.WRITE_RECORDS.grantedTo(caller.role());
  }

  /**
   * The case file named by {@code typed} (the hidden field) or else by the query parameter, as the
   * caller may see it.
   *
   * @throws NoSuchRecord if neither names a case file the caller may see
   */
  static CaseFile returnCase(Context context, String typed, Caller caller, CaseService cases) {
    String named = typed == null || typed.isBlank() ? context.queryParam(CASE) : typed;
    UUID id = Forms.id(named);
    if (id == null) {
      throw new NoSuchRecord(CaseStore.KIND, String.valueOf(named));
    }
    return cases.get(caller, id);
  }
}
