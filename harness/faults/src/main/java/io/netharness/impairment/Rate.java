package io.netharness.impairment;

/**
 * Spaces datagrams out so that no more than {@code bytesPerSecond} bytes and
 * {@code datagramsPerSecond} datagrams leave per second (0 = no limit of that kind). Datagrams
 * queue rather than drop, so this changes timing only, never a datagram's fate. It spaces them
 * in the order they reach it.
 *
 * @param bytesPerSecond payload bytes per second, 0 for no byte limit
 * @param datagramsPerSecond datagrams per second, 0 for no datagram limit
 */
public record Rate(long bytesPerSecond, long datagramsPerSecond) implements StatefulImpairment<Rate.State> {
  public Rate {
    Checks.atLeast("rate", "bytesPerSecond", bytesPerSecond, 0);
    Checks.atLeast("rate", "datagramsPerSecond", datagramsPerSecond, 0);
    if (bytesPerSecond == 0 && datagramsPerSecond == 0) {
      throw new io.netharness.HarnessException(
          "rate: set bytesPerSecond or datagramsPerSecond above 0; to let everything through, leave rate out");
    }
  }

  public static Rate bytesPerSecond(long bytesPerSecond) {
    return new Rate(bytesPerSecond, 0);
  }

  public static Rate datagramsPerSecond(long datagramsPerSecond) {
    return new Rate(0, datagramsPerSecond);
  }

  /** When the link is free again, on the {@link System#nanoTime()} clock. */
  public static final class State {
    long freeAtNanos = Long.MIN_VALUE;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void impair(DatagramFate fate, State state) {
    long ready = fate.departureNanos();
    long start = state.freeAtNanos == Long.MIN_VALUE || ready - state.freeAtNanos >= 0 ? ready : state.freeAtNanos;
    long cost = 0;
    if (bytesPerSecond > 0) {
      cost = Math.max(cost, (long) (fate.length() * 1e9 / bytesPerSecond));
    }
    if (datagramsPerSecond > 0) {
      cost = Math.max(cost, (long) (1e9 / datagramsPerSecond));
    }
    state.freeAtNanos = start + cost;
    if (start != ready) {
      fate.delay(java.time.Duration.ofNanos(start - ready));
    }
  }
}
