package io.netharness.internal;

import io.netharness.HarnessException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/** Turns socket-level failures into messages that say what happened and what to do. */
public final class Connect {
  private Connect() {}

  public static HarnessException connectFailure(SocketAddress target, Duration timeout, Throwable cause) {
    String what = describe(target);
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (cause instanceof io.netty.channel.ConnectTimeoutException || message.contains("timed out")) {
      return new HarnessException("connect to " + what + " timed out after " + Await.human(timeout)
          + ": nothing answered; check the host and port, or raise the connect timeout", cause);
    }
    if (cause instanceof ConnectException || message.contains("connection refused")) {
      return new HarnessException("connection refused by " + what
          + ": nothing is listening on that port (start the server first, or check the port)", cause);
    }
    if (cause instanceof UnknownHostException) {
      return new HarnessException("cannot resolve host of " + what + ": check the host name", cause);
    }
    if (cause instanceof NoRouteToHostException || message.contains("unreachable")) {
      return new HarnessException("host of " + what + " is unreachable: " + cause.getMessage(), cause);
    }
    return new HarnessException("cannot connect to " + what + ": " + cause, cause);
  }

  public static HarnessException bindFailure(String protocol, SocketAddress address, Throwable cause) {
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (cause instanceof BindException || message.contains("address already in use")) {
      return new HarnessException("cannot " + (protocol.equals("TCP") ? "listen" : "bind") + " on "
          + describe(address) + " (" + protocol + "): address already in use; stop whatever holds the"
          + " port, pick another, or use port 0 for a free ephemeral port", cause);
    }
    if (message.contains("cannot assign requested address")) {
      return new HarnessException("cannot bind " + describe(address) + " (" + protocol
          + "): this machine has no such address; use 127.0.0.1 or ::1", cause);
    }
    return new HarnessException("cannot bind " + describe(address) + " (" + protocol + "): " + cause, cause);
  }

  /**
   * A free local port to send UDP to {@code target} from, on one address only: loopback for a
   * loopback target, else the address the kernel routes through to reach it (asked by connecting
   * an unbound datagram socket, which sends nothing). Never the wildcard address, so a sender does
   * not listen on every interface.
   */
  public static InetSocketAddress sourceFor(InetSocketAddress target) {
    java.net.InetAddress address = target.getAddress();
    if (address == null) {
      throw new HarnessException("cannot resolve host \"" + target.getHostString() + "\": check the host name");
    }
    if (address.isLoopbackAddress()) {
      return new InetSocketAddress(address instanceof java.net.Inet6Address ? "::1" : "127.0.0.1", 0);
    }
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(null)) {
      probe.connect(target);
      java.net.InetAddress local = probe.getLocalAddress();
      if (local == null || local.isAnyLocalAddress()) {
        throw new HarnessException("no route to " + describe(target) + ": this machine has no address to send from");
      }
      return new InetSocketAddress(local, 0);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      throw new HarnessException("no route to " + describe(target) + ": " + e.getMessage(), e);
    }
  }

  public static String describe(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  /** Parses "host:port", "[::1]:port" or ":port" / "port" (meaning 127.0.0.1). */
  public static InetSocketAddress parse(String hostPort) {
    String text = hostPort.trim();
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
        throw badAddress(hostPort);
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else if (text.indexOf(':') != text.lastIndexOf(':')) {
      throw new HarnessException("bad address \"" + hostPort + "\": write IPv6 addresses in brackets, e.g. [::1]:7000");
    } else if (text.contains(":")) {
      host = text.substring(0, text.indexOf(':'));
      port = text.substring(text.indexOf(':') + 1);
    } else {
      host = "";
      port = text;
    }
    if (host.isEmpty()) {
      host = "127.0.0.1";
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw badAddress(hostPort);
    }
    if (number < 0 || number > 65535) {
      throw new HarnessException("bad port " + number + " in \"" + hostPort + "\": ports are 0-65535");
    }
    return new InetSocketAddress(host, number);
  }

  private static HarnessException badAddress(String hostPort) {
    return new HarnessException("bad address \"" + hostPort + "\": write host:port, e.g. 127.0.0.1:7000 or [::1]:7000");
  }
}
