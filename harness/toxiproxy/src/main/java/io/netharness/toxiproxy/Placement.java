package io.netharness.toxiproxy;

import java.net.InetSocketAddress;

/**
 * Where a Toxiproxy proxy listens and how both ends reach it: on a server at a URL the listen
 * address is what the application dials; in a container it is an inside port that Docker maps.
 */
interface Placement {

  /** The {@code listen} value for a new proxy, e.g. {@code 127.0.0.1:0} or {@code 0.0.0.0:8666}. */
  String listen(String proxyName);

  /** Where the application connects, given the listen address the server reports. */
  InetSocketAddress applicationAddress(String reportedListen);

  /** The {@code upstream} value the server can dial for {@code upstream} as this JVM sees it. */
  String upstream(InetSocketAddress upstream);

  /** The proxy that used {@code listen} is gone. */
  default void released(String listen) {}
}
