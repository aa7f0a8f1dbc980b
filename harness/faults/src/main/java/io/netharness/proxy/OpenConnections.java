package io.netharness.proxy;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The clients of one proxy: those still dialling the upstream, and the connections wired through it. */
final class OpenConnections {
  private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
  private final Set<Channel> connecting = ConcurrentHashMap.newKeySet();

  void connecting(Channel client) {
    connecting.add(client);
    client.closeFuture().addListener(f -> connecting.remove(client));
  }

  void opened(ProxyConnection connection) {
    connections.add(connection);
    connecting.remove(connection.client());
  }

  void forget(ProxyConnection connection) {
    connections.remove(connection);
  }

  List<ProxyConnection> snapshot() {
    return List.copyOf(connections);
  }

  int size() {
    return connections.size();
  }

  /** The local address of the upstream socket opened for the client at {@code clientAddress}. */
  Optional<InetSocketAddress> upstreamOf(InetSocketAddress clientAddress) {
    return connections.stream()
        .filter(c -> clientAddress.equals(c.client().remoteAddress()))
        .map(ProxyConnection::upstreamLocalAddress)
        .findFirst();
  }

  /** Closes every connection (FIN after what was written) and every client still dialling. */
  void closeAll() {
    for (Channel pending : List.copyOf(connecting)) {
      pending.close();
    }
    for (ProxyConnection c : List.copyOf(connections)) {
      c.client().eventLoop().execute(c::close);
    }
  }
}
