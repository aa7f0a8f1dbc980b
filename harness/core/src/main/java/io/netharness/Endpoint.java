package io.netharness;

import java.net.InetSocketAddress;

/**
 * Everything that talks: a name for messages and reports, the address it uses, and a close that
 * is idempotent and never throws a checked exception. Servers, peers, proxies and relays are
 * reached at {@link #address()}; a client's address is its own end of the connection (what a
 * server sees).
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.builder().name("gateway").build().start()) {
 *   Endpoint e = server;
 *   System.out.println(e.name() + " listens on port " + e.port());
 * }
 * }</pre>
 */
public interface Endpoint extends AutoCloseable {
  String name();

  InetSocketAddress address();

  default int port() {
    return address().getPort();
  }

  @Override
  void close();
}
