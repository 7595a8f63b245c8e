package org.casebook.search;

import java.util.UUID;

/** One record by kind and public id: what the index is told to add, replace or remove. */
public record RecordRef(RecordKind kind, UUID id) {}
