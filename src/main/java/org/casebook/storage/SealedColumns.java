package org.casebook.storage;

import java.util.List;
import org.casebook.crypto.EncryptedColumn;

/**
 * Every column that may hold sealed values, for re-encryption after a key rotation. Keep it in
 * step with the stores' use of {@link Sealing}. The other names of a restricted person or
 * organization (child rows with no public id of their own) are sealed too, bound to the person's
 * id and the name's position, and so are the child rows of restricted communications (addressee
 * names, questions, standards, transition notes) and claims (response quotes); re-encrypting them is not yet
 * covered here.
 */
public final class SealedColumns {
  public static final List<EncryptedColumn> ALL =
      List.of(
          new EncryptedColumn("persons", "primary_name"),
          new EncryptedColumn("persons", "birth_date_edtf"),
          new EncryptedColumn("persons", "occupation"),
          new EncryptedColumn("persons", "notes"),
          new EncryptedColumn("organizations", "primary_name"),
          new EncryptedColumn("organizations", "notes"),
          new EncryptedColumn("relationships", "notes"),
          new EncryptedColumn("case_files", "title"),
          new EncryptedColumn("case_files", "summary"),
          new EncryptedColumn("sources", "title"),
          new EncryptedColumn("sources", "publisher"),
          new EncryptedColumn("sources", "url"),
          new EncryptedColumn("sources", "full_text"),
          new EncryptedColumn("events", "title"),
          new EncryptedColumn("events", "description"),
          new EncryptedColumn("events", "location"),
          new EncryptedColumn("proceedings", "title"),
          new EncryptedColumn("proceedings", "authority"),
          new EncryptedColumn("proceedings", "number"),
          new EncryptedColumn("proceedings", "outcome_summary"),
          new EncryptedColumn("proceedings", "notes"),
          new EncryptedColumn("communications", "subject"),
          new EncryptedColumn("communications", "summary"),
          new EncryptedColumn("communications", "full_text"),
          new EncryptedColumn("communications", "concerns"),
          new EncryptedColumn("communications", "notes"),
          new EncryptedColumn("replies", "sender"),
          new EncryptedColumn("replies", "sender_reference"),
          new EncryptedColumn("replies", "summary"),
          new EncryptedColumn("replies", "notes"),
          new EncryptedColumn("claims", "claim_text"),
          new EncryptedColumn("claims", "quote"),
          new EncryptedColumn("claims", "notes"));

  private SealedColumns() {}
}
