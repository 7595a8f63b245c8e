package org.casebook.audit;

/**
 * An entry as stored in the {@link AuditLog}: its place in the chain ({@code seq}, from 1 without
 * gaps), the hash of the entry before it and its own hash.
 */
public record AuditRecord(long seq, AuditEntry entry, String prevHash, String hash) {}
