package org.casebook.organizations;

import org.casebook.dates.PartialDate;

/**
 * A registration of an organization with an authority, or its refusal or revocation ({@code
 * outcome}, a code of the {@code registration_outcome} vocabulary).
 */
public record Registration(
    String authority, String country, PartialDate date, String number, String outcome) {}
