package io.netharness.server;

import io.netharness.HarnessException;
import io.netharness.payload.Payload;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * The catalogue of ready-made server behaviours. Type {@code Behaviors.} to see them all.
 *
 * <pre>{@code
 * TcpServer echo  = TcpServer.builder().behavior(Behaviors.echo()).build().start();
 * TcpServer room  = TcpServer.builder().behavior(Behaviors.chatRoom(UTF_8)).framing(Framing.lines()).build().start();
 * TcpServer files = TcpServer.builder().behavior(Behaviors.fileServer(Path.of("fixtures"))).build().start();
 * }</pre>
 */
public final class Behaviors {
  private Behaviors() {}

  /** Records what arrives and replies nothing (the default). */
  public static Behavior collect() {
    return new Behavior() {
      @Override
      public boolean readsMessages() {
        return false;
      }

      @Override
      public void onMessage(ServerConnection connection, byte[] message) {}
    };
  }

  /** Sends every read (or frame) straight back. */
  public static Behavior echo() {
    return (connection, message) -> connection.send(message);
  }

  /** Replies with fixed bytes to every read or frame, e.g. an acknowledgement. */
  public static Behavior replyToEach(Payload reply) {
    byte[] bytes = reply.bytes();
    return (connection, message) -> connection.send(bytes);
  }

  /** Scripted replies: when the received stream contains a trigger, send its reply. */
  public static ScriptedReplies scripted(List<ScriptedReplies.Rule> rules) {
    return new ScriptedReplies(rules);
  }

  /** Whole-line replies: a line equal to a key gets its value back as a line (LF). Use with lines framing. */
  public static Behavior lineReplies(java.util.Map<String, String> replies, Charset charset) {
    return new LineReplies(replies, charset, io.netharness.payload.LineEnding.LF);
  }

  /**
   * Whole-line replies whose lines end with {@code ending}, e.g. {@link io.netharness.payload.LineEnding#CRLF}
   * for SMTP- or Redis-style protocols. Requests may end in LF or CRLF. Use with lines framing.
   */
  public static Behavior lineReplies(java.util.Map<String, String> replies, Charset charset,
      io.netharness.payload.LineEnding ending) {
    return new LineReplies(replies, charset, ending);
  }

  /** Each line is sent to every other client; joins and leaves are announced. Use with lines framing. */
  public static Behavior chatRoom(Charset charset) {
    return new ChatRoom(charset);
  }

  /** Serves files below {@code root}: the client sends a name and a newline, gets the bytes, then EOF. */
  public static Behavior fileServer(Path root) {
    return new FileServer(root);
  }

  /** Collects until {@code bytes} have arrived, then closes cleanly (FIN). */
  public static Behavior closeAfter(long bytes) {
    return new CloseAfter(requireNonNegative(bytes), false);
  }

  /** Collects until {@code bytes} have arrived, then aborts (RST). */
  public static Behavior abortAfter(long bytes) {
    return new CloseAfter(requireNonNegative(bytes), true);
  }

  /** Accepts and immediately closes (FIN) every connection. */
  public static Behavior closeOnConnect() {
    return new Behavior() {
      @Override
      public void onConnect(ServerConnection connection) {
        connection.close();
      }

      @Override
      public void onMessage(ServerConnection connection, byte[] message) {}
    };
  }

  private static long requireNonNegative(long bytes) {
    if (bytes < 0) {
      throw new HarnessException("a byte count cannot be negative: " + bytes);
    }
    return bytes;
  }
}
