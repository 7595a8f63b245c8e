package org.casebook.communications;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.casebook.access.Caller;
import org.casebook.access.Permission;
import org.casebook.audit.AuditEntry;
import org.casebook.audit.AuditLog;
import org.casebook.common.Checks;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The catalogue of special procedures mandates that sign communications. Anyone may read it (the
 * mandates are public); administrators add to it. Thread-safe; each operation is its own
 * transaction.
 */
public final class MandateService {
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,49}");

  private final Jdbi jdbi;
  private final Clock clock;

  public MandateService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Every mandate, active ones first, in catalogue order. */
  public List<Mandate> list() {
    return jdbi.withHandle(this::list);
  }

  public List<Mandate> list(Handle handle) {
    return handle
        .createQuery("SELECT code, name_en, name_ru, active FROM mandates ORDER BY active DESC, position, code")
        .map((row, context) -> new Mandate(row.getString("code"), row.getString("name_en"), row.getString("name_ru"), row.getBoolean("active")))
        .list();
  }

  public Optional<Mandate> find(String code) {
    return list().stream().filter(mandate -> mandate.code().equals(code)).findFirst();
  }

  /** Adds a mandate at the end of the catalogue. Needs {@link Permission#MANAGE_CATALOGUE}. */
  public Mandate add(Caller caller, Mandate mandate) {
    caller.require(Permission.MANAGE_CATALOGUE);
    return jdbi.inTransaction(
        handle -> {
          Checks checks = new Checks();
          checks.required("code", mandate.code());
          if (mandate.code() != null && !CODE.matcher(mandate.code()).matches()) {
            checks.add("code", "\"" + mandate.code() + "\" is not a mandate code; expected 2 to 50 lower-case letters, digits and '-', such as sr-human-rights-defenders");
          } else if (mandate.code() != null && exists(handle, mandate.code())) {
            checks.add("code", "\"" + mandate.code() + "\" is already the code of a mandate");
          }
          checks.requiredText("name_en", mandate.nameEn(), 500);
          checks.requiredText("name_ru", mandate.nameRu(), 500);
          checks.throwIfAny();
          handle
              .createUpdate(
                  "INSERT INTO mandates (code, name_en, name_ru, position, active) VALUES (:code, :en, :ru,"
                      + " (SELECT COALESCE(MAX(position), 0) + 1 FROM mandates), :active)")
              .bind("code", mandate.code())
              .bind("en", mandate.nameEn().trim())
              .bind("ru", mandate.nameRu().trim())
              .bind("active", mandate.active() == null || mandate.active())
              .execute();
          AuditLog.appendTo(
              handle,
              new AuditEntry(
                  clock.instant(), caller.name(), caller.sessionId(), "mandate-add", null, null, mandate.code()));
          return list(handle).stream().filter(found -> found.code().equals(mandate.code())).findFirst().orElseThrow();
        });
  }

  /** Whether {@code code} names a mandate of the catalogue. */
  public static boolean exists(Handle handle, String code) {
    return handle
            .createQuery("SELECT COUNT(*) FROM mandates WHERE code = :code")
            .bind("code", code)
            .mapTo(Integer.class)
            .one()
        > 0;
  }
}
