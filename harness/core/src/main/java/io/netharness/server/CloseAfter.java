package io.netharness.server;

/**
 * Collects until a number of bytes has arrived, then closes (FIN) or aborts (RST).
 *
 * <pre>{@code
 * TcpServer.builder().behavior(Behaviors.abortAfter(1024)).build().start();
 * }</pre>
 */
final class CloseAfter implements Behavior {
  private final long limit;
  private final boolean abort;

  CloseAfter(long limit, boolean abort) {
    this.limit = limit;
    this.abort = abort;
  }

  @Override
  public void onConnect(ServerConnection connection) {
    if (limit == 0) {
      end(connection);
    }
  }

  @Override
  public void onMessage(ServerConnection connection, byte[] message) {
    if (connection.bytesReceived() >= limit && connection.isOpen()) {
      end(connection);
    }
  }

  private void end(ServerConnection connection) {
    if (abort) {
      connection.abort();
    } else {
      connection.close();
    }
  }
}
