package io.netharness.cli;

import io.netharness.HostPort;
import io.netharness.server.Behavior;
import io.netharness.server.ServerConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** What {@code tcp listen} does with each client: show its events and messages, auto-send, count bytes. */
final class ListenBehavior implements Behavior {
  private final Display display;
  private final AssistantOptions options;
  private final Map<ServerConnection, AutoSend> autoSends = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> firstDisconnect = new CompletableFuture<>();

  ListenBehavior(Display display, AssistantOptions options) {
    this.display = display;
    this.options = options;
  }

  static String label(ServerConnection connection) {
    return "client " + connection.index();
  }

  @Override
  public void onConnect(ServerConnection connection) {
    display.status("[" + label(connection) + " " + HostPort.format(connection.remoteAddress()) + " connected]");
    autoSends.put(connection, AutoSend.start(options, display, label(connection), new AutoSend.Sink() {
      @Override
      public void sendBytes(byte[] bytes) {
        connection.trySend(bytes); // an auto-send may race the client leaving
      }

      @Override
      public void sendFile(Path file) {
        connection.sendFile(file, false);
      }
    }));
  }

  @Override
  public void onMessage(ServerConnection connection, byte[] message) {
    display.received(label(connection), message);
  }

  @Override
  public void onPeerClosed(ServerConnection connection) {
    if (connection.closesOnPeerClose()) {
      display.status("[" + label(connection) + " closed its side (FIN)]");
      connection.close();
    } else {
      display.status("[" + label(connection) + " closed its side (FIN); still open for replies: @" + connection.index()
          + " TEXT to reply, @close " + connection.index() + " to close]");
    }
  }

  @Override
  public void onDisconnect(ServerConnection connection) {
    AutoSend auto = autoSends.remove(connection);
    if (auto != null) {
      auto.close();
    }
    display.status("[" + label(connection) + " " + HostPort.format(connection.remoteAddress()) + " disconnected: "
        + connection.bytesReceived() + " bytes received, " + connection.bytesSent() + " bytes sent]");
    firstDisconnect.complete(null);
  }

  /** Completes when the first client is gone, for --once. */
  CompletableFuture<Void> firstDisconnect() {
    return firstDisconnect;
  }
}
