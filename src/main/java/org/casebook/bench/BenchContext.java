package org.casebook.bench;

import java.nio.file.Path;
import org.casebook.app.Casebook;

/**
 * What a {@link BenchTarget} is made from: the Casebook over the benchmark's database (its
 * services, database and settings; its data folder holds the keys and any index), the viewer the
 * queries are asked as, and a folder of its own for files it makes.
 */
public record BenchContext(Casebook casebook, BenchViewer viewer, long records, long seed, Path workFolder) {}
