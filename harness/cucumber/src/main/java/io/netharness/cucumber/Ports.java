package io.netharness.cucumber;

import io.netharness.HarnessException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A loopback port where nobody listens: bound once by the OS to pick a free ephemeral port,
 * then released.
 *
 * <pre>{@code
 * InetSocketAddress nobody = Ports.unused();
 * }</pre>
 */
public final class Ports {
  private Ports() {}

  /** A loopback UDP port where nobody listens. */
  public static InetSocketAddress unusedUdp() {
    try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    } catch (IOException e) {
      throw new HarnessException("cannot find a free loopback UDP port: " + e.getMessage(), e);
    }
  }

  /** A loopback TCP port where nobody listens. */
  public static InetSocketAddress unused() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    } catch (IOException e) {
      throw new HarnessException("cannot find a free loopback port: " + e.getMessage(), e);
    }
  }
}
