package org.casebook.generate;

import java.util.List;
import java.util.UUID;

/**
 * The generator's source of chance: SplitMix64 (Steele, Lea and Flood, 2014), written out here so
 * that a seed gives the same corpus on every Java version, with the few draws the generator needs.
 * Each case file gets its own instance, seeded from the corpus seed and the case file's number, so
 * that a case file's content depends on nothing else; the benchmark samples its queries with it too.
 * Not thread-safe; one per thread.
 */
public final class Dice {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  public Dice(long seed) {
    this.state = seed;
  }

  /** The dice of stream {@code stream} (a case file's number, say) under the corpus {@code seed}. */
  public static Dice of(long seed, long stream) {
    return new Dice(mix(mix(seed) + stream * GOLDEN_GAMMA));
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** A number from 0 to {@code bound - 1}; {@code bound} is positive. */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** A number from {@code low} to {@code high}, both included. */
  public int between(int low, int high) {
    return low + nextInt(high - low + 1);
  }

  /** A number in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  /** True {@code percent} times in a hundred. */
  public boolean chance(int percent) {
    return nextInt(100) < percent;
  }

  /** A draw from the standard normal distribution (Box-Muller). */
  public double gaussian() {
    double uniform = 1.0 - nextDouble();
    return Math.sqrt(-2.0 * Math.log(uniform)) * Math.cos(2.0 * Math.PI * nextDouble());
  }

  public <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  /** The index of one of {@code weights}, each chosen in proportion to its weight. */
  public int weighted(int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = nextInt(total);
    for (int index = 0; index < weights.length; index++) {
      draw -= weights[index];
      if (draw < 0) {
        return index;
      }
    }
    throw new AssertionError("weights exhausted");
  }

  /** A version 4 (random) UUID made from these dice. */
  public UUID uuid() {
    long high = (nextLong() & ~0xF000L) | 0x4000L;
    long low = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
