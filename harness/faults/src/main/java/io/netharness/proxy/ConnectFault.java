package io.netharness.proxy;

import io.netharness.HarnessException;
import java.time.Duration;

/**
 * What happens when a client connects, before any byte flows — what Toxiproxy cannot fault.
 *
 * <pre>{@code
 * proxy.connectFault(ConnectFault.refuse());                       // "connection refused"
 * proxy.connectFault(ConnectFault.blackhole());                    // the connect times out
 * proxy.connectFault(ConnectFault.slowOpen(Duration.ofSeconds(1))); // connected, but silent for 1 s
 * proxy.connectFault(ConnectFault.none());
 * }</pre>
 */
public sealed interface ConnectFault {

  static ConnectFault none() {
    return new None();
  }

  /** Nothing listens: clients get "connection refused" (the port stays reserved for the proxy). */
  static ConnectFault refuse() {
    return new Refuse();
  }

  /** The port's accept queue is full, so the kernel drops new SYNs: connects time out. */
  static ConnectFault blackhole() {
    return new Blackhole();
  }

  /** The connect succeeds, but the proxy reaches the upstream and passes data only after {@code delay}. */
  static ConnectFault slowOpen(Duration delay) {
    if (delay.isNegative()) {
      throw new HarnessException("a slow-open delay cannot be negative: " + delay);
    }
    return new SlowOpen(delay);
  }

  /** See {@link #none()}. */
  record None() implements ConnectFault {}

  /** See {@link #refuse()}. */
  record Refuse() implements ConnectFault {}

  /** See {@link #blackhole()}. */
  record Blackhole() implements ConnectFault {}

  /** See {@link #slowOpen(Duration)}. */
  record SlowOpen(Duration delay) implements ConnectFault {}
}
