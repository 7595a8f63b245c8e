package org.casebook.accounts;

import java.util.UUID;

/**
 * A user on a case file's team; {@code restrictedGrant} lets them see the case's restricted records
 * and fields.
 */
public record TeamMember(UUID userId, String name, String displayName, boolean restrictedGrant) {}
