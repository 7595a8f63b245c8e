package org.casebook.bench;

import java.util.UUID;

/** One search result: the record's kind (as the audit log names it), its public id, its score. */
public record Hit(String kind, UUID id, double score) {}
