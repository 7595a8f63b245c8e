package org.casebook.common;

/** How withheld content is shown in public output: in its place, visibly, never silently dropped. */
public final class Redaction {
  /** Stands where a name or a text is withheld, as in the redacted letters States publish. */
  public static final String MARK = "██████████";

  private Redaction() {}
}
