package org.casebook.events;

import java.util.UUID;

/** A link from one event to another: precedes, causes, part of, follows. */
public record EventLink(String type, UUID event) {}
