package io.netharness.server;

import io.netharness.payload.LineEnding;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Answers whole lines: a line equal to a key (after stripping a trailing {@code \r}) gets the
 * value as one line back, ended with the chosen {@link LineEnding}; other lines get nothing. Use
 * with lines framing.
 *
 * <pre>{@code
 * TcpServer.builder().framing(Framing.lines())
 *     .behavior(Behaviors.lineReplies(Map.of("HELLO", "200 welcome"), UTF_8)).build().start();
 * }</pre>
 */
final class LineReplies implements Behavior {
  private final Map<String, String> replies;
  private final Charset charset;
  private final LineEnding ending;

  LineReplies(Map<String, String> replies, Charset charset, LineEnding ending) {
    this.replies = Map.copyOf(replies);
    this.charset = charset;
    this.ending = ending;
  }

  @Override
  public void onMessage(ServerConnection connection, byte[] message) {
    String line = new String(message, charset);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    String reply = replies.get(line);
    if (reply != null) {
      connection.send(ending.terminate(reply.getBytes(charset)));
    }
  }
}
