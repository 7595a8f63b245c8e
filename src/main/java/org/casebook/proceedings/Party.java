package org.casebook.proceedings;

import java.util.UUID;

/** A party to a proceeding: exactly one of a person, an organization or a free-text name. */
public record Party(UUID person, UUID organization, String name, String role) {}
