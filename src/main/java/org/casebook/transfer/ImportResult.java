package org.casebook.transfer;

import java.util.UUID;

/**
 * What an import did: the case file's id and key, and how many records it created, updated and
 * left as they were.
 */
public record ImportResult(UUID caseId, String caseKey, int created, int updated, int unchanged) {}
