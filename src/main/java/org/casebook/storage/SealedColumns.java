package org.casebook.storage;

import java.util.List;
import org.casebook.crypto.EncryptedColumn;

/**
 * Every column that may hold sealed values, for re-encryption after a key rotation: the record
 * tables' columns, then the child tables' (rows without a public id of their own, such as the other
 * names of a restricted person, sealed bound to the parent record's id and the row's position).
 * Keep it in step with the stores' use of {@link Sealing}: {@code SealedColumnsTest} fails on a
 * sealed value in a column missing here.
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
          new EncryptedColumn("claims", "notes"),
          EncryptedColumn.child("person_names", "name", "persons", "person_id", "persons"),
          EncryptedColumn.child("organization_names", "name", "organizations", "organization_id"),
          EncryptedColumn.child("organization_registrations", "authority", "organizations", "organization_id"),
          EncryptedColumn.child("organization_registrations", "number", "organizations", "organization_id"),
          EncryptedColumn.child("event_participants", "name", "events", "event_id"),
          EncryptedColumn.child("event_participants", "note", "events", "event_id"),
          EncryptedColumn.child("proceeding_parties", "name", "proceedings", "proceeding_id"),
          EncryptedColumn.child("proceeding_status_changes", "note", "proceedings", "proceeding_id"),
          EncryptedColumn.child("communication_addressees", "name", "communications", "communication_id"),
          EncryptedColumn.child("communication_questions", "question", "communications", "communication_id"),
          EncryptedColumn.child("communication_standards", "standard", "communications", "communication_id"),
          EncryptedColumn.child("communication_transitions", "note", "communications", "communication_id"),
          EncryptedColumn.child("claim_responses", "quote", "claims", "claim_id"));

  private SealedColumns() {}
}
