package io.netharness.server;

/**
 * What a server does with each connection. One instance serves every connection of a server, on
 * Netty's event loop: keep per-connection state keyed by {@link ServerConnection}, and never
 * block. Only {@link #onMessage} is required, so a lambda is a behaviour; any callback may throw,
 * which records the error in the connection's transcript and closes it.
 *
 * <pre>{@code
 * Behavior shout = (conn, message) -> conn.send(new String(message, UTF_8).toUpperCase().getBytes(UTF_8));
 * TcpServer server = TcpServer.builder().behavior(shout).build().start();
 * }</pre>
 */
@FunctionalInterface
public interface Behavior {

  /** A client connected. */
  default void onConnect(ServerConnection connection) throws Exception {}

  /**
   * False for a behaviour that ignores {@link #onMessage}'s bytes (collect): once the connection's
   * record of messages is full, the server then counts messages without copying them.
   */
  default boolean readsMessages() {
    return true;
  }

  /** One read from the socket, or one frame when the server has a framing. */
  void onMessage(ServerConnection connection, byte[] message) throws Exception;

  /**
   * The client shut down its output (FIN, Python's empty {@code recv}). By default the server
   * closes its side too, as the tutorial's server does, unless the server was built with
   * {@link TcpServer.Builder#closeOnClientFin(boolean) closeOnClientFin(false)}: then the
   * connection stays open for replies (request, {@code shutdown(SHUT_WR)}, response).
   */
  default void onPeerClosed(ServerConnection connection) throws Exception {
    if (connection.closesOnPeerClose()) {
      connection.close();
    }
  }

  /** The connection is gone, however it ended. */
  default void onDisconnect(ServerConnection connection) throws Exception {}
}
