package org.casebook.events;

import java.util.UUID;

/**
 * One participant in an event: exactly one of a person, an organization, or a free-text name for
 * an actor nobody has identified; {@code role} is a code of the {@code participant_role}
 * vocabulary.
 */
public record Participant(UUID person, UUID organization, String name, String role, String note) {}
