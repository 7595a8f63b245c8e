package org.casebook.transfer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Maps the keys of an import document to record ids. Keys belong to their case: a record is
 * stored under {@code <case key>/<key>}, so that two case files may both have a {@code lawyer}. A
 * key already imported maps to the existing record; a key that is the id of an existing record of
 * the case (as in an export of records made in Casebook) maps to that record; any other key gets
 * a new id (the key itself when it is a UUID, so that an export re-imported elsewhere keeps its
 * ids).
 */
final class Keys {
  static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final Pattern UUID_FORM =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Where a key leads: the record's id, its stored import key, and whether it exists. */
  record Target(UUID id, String importKey, boolean exists, Integer version, Integer importedVersion) {}

  private final Handle handle;
  private final String caseKey;
  private final Map<String, Target> resolved = new HashMap<>();

  Keys(Handle handle, String caseKey) {
    this.handle = handle;
    this.caseKey = caseKey;
  }

  /** The case file itself, stored under its bare key. */
  Target caseFile() {
    return resolve("case_files", caseKey, caseKey);
  }

  /** A record of {@code table} in this case. */
  Target record(String table, String key) {
    return resolve(table, key, caseKey + "/" + key);
  }

  private Target resolve(String table, String key, String importKey) {
    return resolved.computeIfAbsent(
        table + " " + importKey,
        ignored -> {
          Optional<Target> existing = byImportKey(table, importKey);
          if (existing.isPresent()) {
            return existing.get();
          }
          if (UUID_FORM.matcher(key).matches()) {
            UUID id = UUID.fromString(key);
            Optional<Target> sameId = byId(table, id);
            if (sameId.isEmpty()) {
              return new Target(id, importKey, false, null, null);
            }
            String owner = sameId.get().importKey();
            if (owner == null || owner.startsWith(caseKey + "/")) {
              return sameId.get();
            }
          }
          return new Target(UUID.randomUUID(), importKey, false, null, null);
        });
  }

  private Optional<Target> byImportKey(String table, String importKey) {
    return handle
        .createQuery(
            "SELECT public_id, version, imported_version FROM " + table + " WHERE import_key = :key")
        .bind("key", importKey)
        .map(
            (row, context) ->
                new Target(
                    row.getObject("public_id", UUID.class),
                    importKey,
                    true,
                    row.getInt("version"),
                    row.getObject("imported_version", Integer.class)))
        .findOne();
  }

  private Optional<Target> byId(String table, UUID id) {
    return handle
        .createQuery(
            "SELECT import_key, version, imported_version FROM " + table + " WHERE public_id = :id")
        .bind("id", id)
        .map(
            (row, context) ->
                new Target(
                    id,
                    row.getString("import_key"),
                    true,
                    row.getInt("version"),
                    row.getObject("imported_version", Integer.class)))
        .findOne();
  }
}
