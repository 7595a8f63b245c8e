package org.casebook.organizations;

import java.util.UUID;
import org.casebook.dates.PartialDate;

/** A person's membership of an organization in a role (founder, chair ...) over a period. */
public record Membership(UUID person, String role, PartialDate start, PartialDate end) {}
