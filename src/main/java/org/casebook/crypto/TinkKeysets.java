package org.casebook.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * How Casebook uses Tink: AES-256-GCM keys with Tink's key-id prefix, Tink's AEAD configuration
 * rather than its global registry, the cleartext JSON form of a keyset, and the checks a keyset
 * must pass before it is used.
 */
final class TinkKeysets {
  /** Tink's AEAD key types and primitives, without its global registry. */
  private static final Configuration AEAD = AeadConfig2026.get();

  private TinkKeysets() {}

  /** A new keyset of one AES-256-GCM key, primary, with Tink's key-id prefix on ciphertexts. */
  static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AEAD);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an AES-256-GCM key", e);
    }
  }

  /** A builder of a changed copy of {@code keyset}, which makes new keys without the registry. */
  static KeysetHandle.Builder builderFrom(KeysetHandle keyset) {
    return KeysetHandle.newBuilder(keyset).setConfiguration(AEAD);
  }

  /** A new AES-256-GCM key entry with a random id, to be added to an existing keyset. */
  static KeysetHandle.Builder.Entry newKeyEntry() {
    return KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
        .withRandomId();
  }

  /**
   * Parses cleartext keyset JSON. A failure does not carry Tink's or the JSON parser's message,
   * which could quote part of the input, that is, key material.
   */
  static KeysetHandle parse(String json, String location) {
    KeysetHandle handle;
    try {
      handle = TinkJsonProtoKeysetFormat.parseKeyset(json, AEAD, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyFileUnusable(location, "does not hold a valid Tink keyset in JSON", null);
    }
    requireAes256Gcm(handle, location);
    return handle;
  }

  static String serialize(KeysetHandle handle) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(handle, AEAD, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot serialize the keyset", e);
    }
  }

  static Aead aead(KeysetHandle handle) {
    try {
      return handle.getPrimitive(AEAD, Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an AEAD from the keyset", e);
    }
  }

  /**
   * Every key must be AES-256-GCM with Tink's output prefix, which carries the key id that {@link
   * FieldCipher#needsRotation} reads; a keyset of other keys is refused rather than half used.
   */
  private static void requireAes256Gcm(KeysetHandle handle, String location) {
    for (int index = 0; index < handle.size(); index++) {
      KeysetHandle.Entry entry = handle.getAt(index);
      if (entry.getStatus() == KeyStatus.DESTROYED) {
        continue;
      }
      if (!(entry.getKey().getParameters() instanceof AesGcmParameters parameters)
          || parameters.getKeySizeBytes() != 32
          || parameters.getVariant() != AesGcmParameters.Variant.TINK) {
        throw new KeyFileUnusable(
            location,
            "key "
                + Integer.toUnsignedString(entry.getId())
                + " is not an AES256_GCM key with Tink's output prefix",
            null);
      }
    }
  }
}
