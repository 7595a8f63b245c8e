/**
 * Encryption at rest of restricted fields, so that a seized database, disk image or database
 * backup reveals nothing restricted without the key, which is kept elsewhere.
 *
 * <ul>
 *   <li>{@link org.casebook.crypto.Keyring}: the keyset, from an owner-only key file (created on
 *       first use) or from keyset JSON; follows a replaced key file while running.
 *   <li>{@link org.casebook.crypto.FieldCipher}: encrypts one field value, bound by {@link
 *       org.casebook.crypto.Binding} to its table, record and field.
 *   <li>{@link org.casebook.crypto.KeyRotation}: adds a new primary key and keeps the old ones.
 *   <li>{@link org.casebook.crypto.ReEncryption}: moves stored values to the primary key, in
 *       resumable batches, while the application keeps writing.
 * </ul>
 *
 * <p>What is not protected: values in memory of a running server, anything written in clear
 * elsewhere (search index, logs, exports), and the length of each value, which the ciphertext
 * reveals. An encrypted column cannot be searched or sorted in SQL.
 */
package org.casebook.crypto;
