package io.netharness.impairment;

/**
 * With {@code probability}, flips {@code bits} distinct random bits of a datagram (all of them
 * if it is shorter). The length never changes; an empty datagram stays as it is.
 *
 * @param probability 0.0 to 1.0
 * @param bits bits flipped per corrupted datagram, at least 1
 */
public record Corrupt(double probability, int bits) implements Impairment {
  public Corrupt {
    Checks.probability("corrupt", "probability", probability);
    Checks.atLeast("corrupt", "bits (flipped per corrupted datagram)", bits, 1);
  }

  @Override
  public void impair(DatagramFate fate) {
    if (fate.length() == 0 || fate.random().nextDouble() >= probability) {
      return;
    }
    int total = fate.length() * 8;
    int n = Math.min(bits, total);
    int[] chosen = new int[n];
    for (int i = 0; i < n; i++) {
      int bit;
      do {
        bit = fate.random().nextInt(total);
      } while (contains(chosen, i, bit));
      chosen[i] = bit;
      fate.flipBit(bit);
    }
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
