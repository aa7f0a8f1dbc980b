package io.netharness.faults.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Whether connecting to an address would reach a given listener: a proxy whose upstream is its
 * own listen address would accept its own connections without end, one socket pair per round,
 * until the process runs out of file descriptors.
 *
 * <pre>{@code
 * Loops.reaches(new InetSocketAddress("127.0.0.1", 8000), listener.localAddress());   // true for 0.0.0.0:8000 too
 * }</pre>
 */
public final class Loops {
  private Loops() {}

  /** True if a connection to {@code target} would be accepted by a listener bound to {@code listener}. */
  public static boolean reaches(InetSocketAddress target, InetSocketAddress listener) {
    if (target.getPort() != listener.getPort() || target.getPort() == 0) {
      return false;
    }
    InetAddress to = target.getAddress();
    InetAddress bound = listener.getAddress();
    if (to == null || bound == null) {
      return false;
    }
    if (to.equals(bound)) {
      return true;
    }
    boolean toThisHost = to.isLoopbackAddress() || to.isAnyLocalAddress();
    return (bound.isAnyLocalAddress() && toThisHost) || (to.isAnyLocalAddress() && bound.isLoopbackAddress());
  }

  /** True if {@code hostPort} parses and a connection to it would reach {@code listener}; false if it does not parse. */
  public static boolean pointsAt(String hostPort, InetSocketAddress listener) {
    try {
      return reaches(io.netharness.HostPort.parse(hostPort), listener);
    } catch (RuntimeException unparsable) {
      return false;
    }
  }
}
