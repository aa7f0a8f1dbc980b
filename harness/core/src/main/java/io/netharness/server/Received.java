package io.netharness.server;

import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.internal.Connect;
import io.netharness.payload.Encodings;
import io.netharness.payload.Hex;
import io.netharness.payload.HexDump;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

/**
 * Everything a server connection has received so far, checked as a whole: the cumulative side, where
 * {@link ServerConnection#inbound()} is the consuming one. Nothing here consumes, so two checks look at the same
 * bytes. A failure names the connection and shows what arrived.
 *
 * <pre>{@code
 * Received got = connection.received();
 * got.expectCount(11, Duration.ofSeconds(2));          // 11 bytes in all, no more
 * got.expectReads(1);                                  // in one read from the socket
 * got.expectMessages(List.of("one", "two"), UTF_8, Duration.ofSeconds(2));
 * got.expectDecodesTo(Encodings.charset("GBK"), "哈哈");
 * }</pre>
 */
public final class Received {
  private final ServerConnection connection;

  Received(ServerConnection connection) {
    this.connection = connection;
  }

  /** Waits until exactly {@code bytes} bytes have arrived in all (more is a failure too). */
  public void expectCount(long bytes, Duration timeout) {
    connection.awaitBytesReceived(bytes, timeout);
    if (connection.bytesReceived() != bytes) {
      throw failure("expected " + bytes + " bytes in all, but " + connection.bytesReceived() + " arrived");
    }
  }

  /** The bytes came in exactly {@code reads} reads from the socket. */
  public void expectReads(int reads) {
    int got = connection.readCount();
    if (got != reads) {
      throw failure("expected the bytes in " + reads + " read(s), but they took " + got + ": " + readSizes());
    }
  }

  /** The bytes came in at least {@code reads} reads: TCP is a stream, and the sender's writes were cut. */
  public void expectAtLeastReads(int reads) {
    int got = connection.readCount();
    if (got < reads) {
      throw failure("expected at least " + reads + " reads of the bytes, but there were " + got + ": " + readSizes());
    }
  }

  /** Waits for {@code expected.size()} messages (reads, or frames with a framing) and compares them as text. */
  public void expectMessages(List<String> expected, Charset charset, Duration timeout) {
    connection.awaitMessages(expected.size(), timeout);
    List<String> got = connection.messages().stream().map(m -> new String(m, charset)).toList();
    if (!got.equals(expected)) {
      throw failure("expected the messages " + expected + ", but got " + got);
    }
  }

  /** Cut with {@code framing}, the bytes so far are the messages {@code expected}. */
  public void expectSplit(Framing framing, List<String> expected, Charset charset) {
    List<String> got = framing.split(connection.receivedBytes()).stream().map(m -> new String(m, charset)).toList();
    if (!got.equals(expected)) {
      throw failure("split as " + framing.describe() + ", the bytes give " + got + ", expected " + expected + "\n"
          + connection.describe(charset));
    }
  }

  /** Decoded in {@code charset} (malformed input replaced), the bytes read {@code expected}. */
  public void expectDecodesTo(Charset charset, String expected) {
    String decoded = Encodings.decodeLenient(connection.receivedBytes(), charset);
    if (!decoded.equals(expected)) {
      throw failure("decoded as " + charset.name() + ", the bytes read " + HexDump.quote(decoded) + ", expected "
          + HexDump.quote(expected));
    }
  }

  /** Decoded in {@code charset}, the bytes do not read {@code text}: the charset is the wrong one. */
  public void expectDoesNotDecodeTo(Charset charset, String text) {
    if (Encodings.decodeLenient(connection.receivedBytes(), charset).equals(text)) {
      throw failure("decoded as " + charset.name() + ", the bytes read " + HexDump.quote(text)
          + " after all: the two charsets agree on these bytes");
    }
  }

  /** The bytes are not well-formed in {@code charset}. */
  public void expectMalformed(Charset charset) {
    byte[] bytes = connection.receivedBytes();
    if (Encodings.isWellFormed(bytes, charset)) {
      throw failure("the bytes " + Hex.formatSpaced(bytes) + " are valid " + charset.name());
    }
  }

  /** The bytes so far, cut into lines, start with {@code messages}' lines 1 to {@code count}, complete and in order. */
  public void expectNumberedLines(io.netharness.payload.NumberedMessages messages, int count) {
    List<byte[]> lines = Framing.lines().split(connection.receivedBytes());
    for (int i = 1; i <= count; i++) {
      String got = i <= lines.size() ? new String(lines.get(i - 1), java.nio.charset.StandardCharsets.US_ASCII)
          : "(nothing)";
      if (!got.equals(messages.line(i))) {
        throw failure("expected line " + i + " to be \"" + messages.line(i) + "\", but it was \"" + got + "\" ("
            + lines.size() + " lines arrived)");
      }
    }
  }

  private String readSizes() {
    List<Integer> sizes = connection.readSizes();
    return "read sizes " + (sizes.size() > 50 ? sizes.subList(0, 50) + "..." : sizes);
  }

  private ExpectationFailedException failure(String what) {
    return new ExpectationFailedException("server connection #" + connection.index() + " from "
        + Connect.describe(connection.remoteAddress()) + ": " + what);
  }
}
