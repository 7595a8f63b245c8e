package org.casebook.communications;

import java.util.UUID;

/**
 * Another communication as seen from one: which it is (its reference, null for a draft) and how
 * the two are related, read from either end of the stored relation.
 */
public record CommunicationLink(UUID communication, String reference, Relation relation) {}
