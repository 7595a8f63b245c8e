package org.casebook.common;

/** The body of a void request: the version it is based on and why the record is voided. */
public record VoidRequest(Integer version, String reason) {

  /** Checks both fields, naming each that is missing. */
  public void check() {
    Checks checks = new Checks();
    checks.required("version", version);
    checks.requiredText("reason", reason, 2000);
    checks.throwIfAny();
  }
}
