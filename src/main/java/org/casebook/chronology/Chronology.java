package org.casebook.chronology;

import java.util.List;

/** A case's chronology as the API returns it. */
public record Chronology(List<ChronologyItem> items) {}
