package io.netharness;

import io.netharness.internal.Connect;
import java.net.InetSocketAddress;

/**
 * Parses the addresses people write: {@code 127.0.0.1:7000}, {@code localhost:7000},
 * {@code [::1]:7000}, or a bare port ({@code 7000}, meaning 127.0.0.1). Errors say how to write it.
 *
 * <pre>{@code
 * InetSocketAddress target = HostPort.parse("[::1]:7000");
 * String shown = HostPort.format(target);    // "[::1]:7000"
 * }</pre>
 */
public final class HostPort {
  private HostPort() {}

  public static InetSocketAddress parse(String hostPort) {
    return Connect.parse(hostPort);
  }

  /**
   * Where to send UDP to {@code target} from: port 0 on loopback for a loopback target, else on
   * the one local address the kernel routes through to reach it; never the wildcard address.
   */
  public static InetSocketAddress sourceFor(InetSocketAddress target) {
    return Connect.sourceFor(target);
  }

  public static String format(InetSocketAddress address) {
    return Connect.describe(address);
  }
}
