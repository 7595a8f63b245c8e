package org.casebook.bench;

import java.util.UUID;
import org.casebook.access.Caller;

/**
 * The account the benchmark searches as, by default {@code bench-viewer}, on the teams of 1% of
 * the case files: its id for SQL, and the {@link Caller} the services take.
 */
public record BenchViewer(UUID userId, String name, Caller caller, long caseFiles) {}
