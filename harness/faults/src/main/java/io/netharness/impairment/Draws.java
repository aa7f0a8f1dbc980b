package io.netharness.impairment;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 draws, re-seeded for every (seed, direction, datagram index, impairment position),
 * so a datagram's fate never depends on how many draws other datagrams took or when they came.
 * Mutable and reused: one per direction, used only on the relay's event loop.
 */
final class Draws implements RandomGenerator {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  void reseed(long seed, UdpDirection direction, long index, int position) {
    long h = mix(seed ^ (0xD1B54A32D192ED03L * (direction.ordinal() + 1)));
    h = mix(h + GOLDEN * (index + 1));
    state = mix(h + 0xA24BAED4963EE407L * (position + 1));
  }

  @Override
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
