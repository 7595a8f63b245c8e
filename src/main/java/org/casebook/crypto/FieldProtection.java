package org.casebook.crypto;

import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The field cipher of a store, kept in its Jdbi configuration so that every repository reaches it
 * through the handle it already works with. Restricted content is sealed before it is written and
 * opened when it is read; until a cipher is configured, sealing is refused rather than letting
 * restricted content reach the disk in clear.
 *
 * <p>Configure once at start with {@link #use}; Jdbi copies the configuration into each handle.
 */
public final class FieldProtection implements JdbiConfig<FieldProtection> {
  private FieldCipher cipher;

  public FieldProtection() {}

  private FieldProtection(FieldProtection other) {
    this.cipher = other.cipher;
  }

  @Override
  public FieldProtection createCopy() {
    return new FieldProtection(this);
  }

  /** Makes {@code fieldCipher} the cipher of every handle opened afterwards. */
  public void use(FieldCipher fieldCipher) {
    this.cipher = fieldCipher;
  }

  /** The value sealed for column {@code column} of record {@code id} in {@code table}. */
  public static String seal(Handle handle, String table, UUID id, String column, String value) {
    return handle.getConfig(FieldProtection.class).sealValue(table, id, column, value);
  }

  /** A stored value in clear: opened if it was sealed, as it is otherwise. */
  public static String open(Handle handle, String table, UUID id, String column, String stored) {
    return handle.getConfig(FieldProtection.class).openValue(table, id, column, stored);
  }

  /** {@link #seal} for code that holds the configuration rather than a handle. */
  public String sealValue(String table, UUID id, String column, String value) {
    if (value == null) {
      return null;
    }
    return cipher().encrypt(value, new Binding(table, id, column));
  }

  /** {@link #open} for code that holds the configuration rather than a handle. */
  public String openValue(String table, UUID id, String column, String stored) {
    if (stored == null || !FieldCipher.isEncrypted(stored)) {
      return stored;
    }
    return cipher().decrypt(stored, new Binding(table, id, column));
  }

  private FieldCipher cipher() {
    if (cipher == null) {
      throw new IllegalStateException("no encryption key is configured for this store");
    }
    return cipher;
  }
}
