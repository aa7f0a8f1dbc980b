package io.netharness.server;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tutorial's chat room. The first line a client sends is its name; it is greeted with
 * {@code "* welcome, alice"} and the others hear {@code "* alice joined"}. Each later line goes to every other client as {@code "alice: text"},
 * never back to the speaker. When a client leaves, the others hear {@code "* alice left"}.
 * Expects lines framing.
 *
 * <pre>{@code
 * TcpServer.builder().behavior(Behaviors.chatRoom(UTF_8)).framing(Framing.lines()).build().start();
 * }</pre>
 */
final class ChatRoom implements Behavior {
  private final Charset charset;
  private final Map<ServerConnection, String> members = new ConcurrentHashMap<>();

  ChatRoom(Charset charset) {
    this.charset = charset;
  }

  @Override
  public void onMessage(ServerConnection connection, byte[] message) {
    String line = new String(message, charset);
    String name = members.get(connection);
    if (name == null) {
      String joined = line.isBlank() ? "guest-" + connection.index() : line.strip();
      members.put(connection, joined);
      // notices first: once the joiner is greeted, everyone else has been told
      tellOthers(connection, "* " + joined + " joined");
      connection.send(("* welcome, " + joined + "\n").getBytes(charset));
    } else {
      tellOthers(connection, name + ": " + line);
    }
  }

  @Override
  public void onDisconnect(ServerConnection connection) {
    String name = members.remove(connection);
    if (name != null) {
      tellOthers(connection, "* " + name + " left");
    }
  }

  private void tellOthers(ServerConnection speaker, String line) {
    byte[] bytes = (line + "\n").getBytes(charset);
    members.keySet().stream().filter(c -> c != speaker).forEach(c -> c.trySend(bytes)); // one may be leaving right now
  }
}
