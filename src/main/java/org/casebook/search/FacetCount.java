package org.casebook.search;

/** A value of a facet and how many of the results have it. */
public record FacetCount(String value, long count) {}
