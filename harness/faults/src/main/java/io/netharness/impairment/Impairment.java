package io.netharness.impairment;

/**
 * One concern applied to every datagram of one direction: it reads the datagram's
 * {@link DatagramFate} and may drop, duplicate, hold back, delay or corrupt it. Draw randomness
 * only from {@link DatagramFate#random()}: its draws depend on the relay's seed, the direction,
 * the datagram's index and this impairment's position, so a run can be replayed.
 *
 * <pre>{@code
 * Impairment dropOdd = fate -> { if (fate.index() % 2 == 1) fate.drop(); };
 * }</pre>
 */
@FunctionalInterface
public interface Impairment {
  void impair(DatagramFate fate);
}
