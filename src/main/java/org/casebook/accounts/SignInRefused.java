package org.casebook.accounts;

import org.casebook.common.CasebookException;

/**
 * A sign-in refused, or a credential that is not (or no longer) valid. Maps to 401. The message is
 * the same whatever was wrong (an unknown name, a wrong password or code, a disabled account), so
 * that it tells an attacker nothing about which names exist or which factor failed.
 */
public class SignInRefused extends CasebookException {
  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "wrong name, password or code";

  public SignInRefused() {
    super(MESSAGE);
  }

  @Override
  public String problemType() {
    return "sign-in-refused";
  }

  @Override
  public int httpStatus() {
    return 401;
  }
}
