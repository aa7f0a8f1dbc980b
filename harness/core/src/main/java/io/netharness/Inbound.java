package io.netharness;

import io.netharness.internal.Await;
import io.netharness.internal.InboundBuffer;
import io.netharness.payload.HexDump;
import io.netharness.payload.LineEnding;
import io.netharness.payload.Payload;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What arrived on a connection and was not consumed yet, in order, kept as the reads (or frames)
 * it came in. Every {@code receive…} and {@code expect…} call <em>consumes</em> what it matched, so
 * two calls check two consecutive pieces of the stream; failures show what is waiting as a
 * hexdump with decoded text, and how the connection stands.
 *
 * <pre>{@code
 * Inbound in = client.inbound();
 * in.expectText("220 ready\r\n", US_ASCII, Duration.ofSeconds(2));   // consumed
 * String line = in.receiveLine(UTF_8, Duration.ofSeconds(2));         // the next line
 * in.awaitPeerClosed(Duration.ofSeconds(2));                          // then FIN
 * in.expectLine("bye");                                               // the endpoint's charset and timeout
 * }</pre>
 */
public final class Inbound {
  private static final int DUMP_LIMIT = 4096;

  private final InboundBuffer inbound;
  private final Transcript transcript;
  private final Framing framing;
  private final Supplier<String> owner;
  private final ReceiveDefaults defaults;

  /**
   * @param owner names the connection in failure messages, e.g. {@code client "alice" (127.0.0.1:5000 -> ...)}
   * @param defaults the charset and timeout of the calls that name none
   */
  public Inbound(InboundBuffer inbound, Transcript transcript, Framing framing, Supplier<String> owner,
      ReceiveDefaults defaults) {
    this.inbound = inbound;
    this.transcript = transcript;
    this.framing = framing;
    this.owner = owner;
    this.defaults = defaults;
  }

  /** The charset and timeout used by the calls that name none. */
  public ReceiveDefaults defaults() {
    return defaults;
  }

  /** Bytes received in all, consumed or not. */
  public long received() {
    return inbound.received();
  }

  /** Bytes received but not consumed yet. */
  public long waiting() {
    return inbound.available();
  }

  /** Consumes exactly {@code n} bytes, waiting up to {@code timeout} for them. */
  public byte[] receiveBytes(int n, Duration timeout) {
    Await.until(timeout, () -> inbound.available() >= n || inbound.ended(),
        () -> failure("expected " + n + " bytes within " + Await.human(timeout)));
    if (inbound.available() < n) {
      throw new ExpectationFailedException(failure("expected " + n + " bytes, but the connection ended"));
    }
    return inbound.take(n);
  }

  /** Consumes {@code expected.length} bytes and checks they are exactly {@code expected}. */
  public void expectBytes(byte[] expected, Duration timeout) {
    expect(expected, timeout, StandardCharsets.UTF_8);
  }

  /** Like {@link #expectBytes(byte[], Duration)}; a failure decodes what arrived in {@code charset}. */
  public void expectBytes(byte[] expected, Charset charset, Duration timeout) {
    expect(expected, timeout, charset);
  }

  /** Consumes the text's bytes in {@code charset} and checks them. */
  public void expectText(String text, Charset charset, Duration timeout) {
    expect(Payload.text(text, charset).bytes(), timeout, charset);
  }

  private void expect(byte[] expected, Duration timeout, Charset charset) {
    // stop waiting as soon as what is waiting can no longer become the expected bytes
    Await.until(timeout, () -> inbound.available() >= expected.length || inbound.ended() || !waitingIsPrefixOf(expected),
        () -> failure("expected " + describe(expected, charset) + " within " + Await.human(timeout), charset));
    byte[] head = inbound.peek(expected.length);
    if (!java.util.Arrays.equals(head, expected)) {
      String what = !waitingIsPrefixOf(expected) ? ", but different bytes arrived"
          : inbound.ended() ? ", but the connection ended (" + inbound.endReason() + ")"
          : ", but only " + head.length + " of " + expected.length + " bytes arrived";
      throw new ExpectationFailedException(failure("expected " + describe(expected, charset) + what, charset));
    }
    inbound.take(expected.length);
  }

  /** Consumes one line (up to {@code \n}) and returns it without its {@code \r\n} or {@code \n}. */
  public String receiveLine(Charset charset, Duration timeout) {
    if (!(framing instanceof Framing.Raw)) {
      // the decoder already cut the stream into messages (and stripped line endings)
      return new String(receiveFrame(timeout), charset);
    }
    byte[] newline = {'\n'};
    Await.until(timeout, () -> inbound.indexOf(newline, Integer.MAX_VALUE) >= 0 || inbound.ended(),
        () -> failure("expected a line (ending in \\n) within " + Await.human(timeout), charset));
    long at = inbound.indexOf(newline, Integer.MAX_VALUE);
    if (at < 0) {
      throw new ExpectationFailedException(failure("expected a line, but the connection ended", charset));
    }
    String line = new String(inbound.take((int) at + 1), charset);
    return line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line.substring(0, line.length() - 1);
  }

  /**
   * Waits until the waiting bytes, decoded in {@code charset}, start with a match of
   * {@code regex}; consumes exactly the bytes of the match and returns the matched text.
   */
  public String receiveMatching(Pattern regex, Charset charset, Duration timeout) {
    Await.until(timeout, () -> regex.matcher(decodedWaiting(charset)).lookingAt() || inbound.ended(),
        () -> failure("expected the next text to match /" + regex + "/ within " + Await.human(timeout), charset));
    String waiting = decodedWaiting(charset);
    Matcher matcher = regex.matcher(waiting);
    if (!matcher.lookingAt()) {
      throw new ExpectationFailedException(failure("expected the next text to match /" + regex
          + "/, but the connection ended", charset));
    }
    inbound.take(bytesForChars(inbound.peek(1 << 20), charset, matcher.end()));
    return matcher.group();
  }

  /** How many bytes decode to the first {@code chars} characters (lenient, as decodedWaiting). */
  private static int bytesForChars(byte[] bytes, Charset charset, int chars) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(chars);
    charset.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
        .decode(in, out, true);
    return in.position();
  }

  /** Consumes the next read as it came off the socket — or, with a framing, the next message. */
  public byte[] receiveFrame(Duration timeout) {
    Await.until(timeout, () -> inbound.chunkCount() > 0 || inbound.ended(),
        () -> failure("expected a " + (framing instanceof Framing.Raw ? "read" : framing.describe() + " frame")
            + " within " + Await.human(timeout)));
    if (inbound.chunkCount() == 0) {
      throw new ExpectationFailedException(failure("expected a frame, but the connection ended"));
    }
    return inbound.takeChunk();
  }

  /** Consumes everything until the peer closes; for large streams prefer {@link #sha256UntilEnd}. */
  public byte[] receiveUntilEnd(Duration timeout) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    drainUntilEnd(timeout, chunk -> all.write(chunk, 0, chunk.length));
    return all.toByteArray();
  }

  /** Consumes what arrives, chunk by chunk, until the peer closes; memory stays bounded. */
  private void drainUntilEnd(Duration timeout, java.util.function.Consumer<byte[]> sink) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      Await.until(left, () -> inbound.available() > 0 || inbound.ended(),
          () -> failure("expected the peer to close within " + Await.human(timeout) + " ("
              + inbound.received() + " bytes received so far)"));
      if (inbound.available() > 0) {
        sink.accept(inbound.takeChunk()); // one read at a time: handed over without a copy
      } else if (inbound.ended()) {
        return;
      }
    }
  }

  /**
   * Consumes the stream until the peer closes and returns its SHA-256 as lower-case hex, holding
   * at most a few MiB in memory whatever the size.
   */
  public String sha256UntilEnd(Duration timeout) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    drainUntilEnd(timeout, digest::update);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Waits for the end of the incoming stream (FIN, RST or close) without consuming data. */
  public String awaitEnd(Duration timeout) {
    Await.until(timeout, () -> inbound.ended() || inbound.paused(),
        () -> failure("expected the connection to end within " + Await.human(timeout)));
    if (!inbound.ended()) {
      throw new ExpectationFailedException(failure("cannot see the end of the connection: more than "
          + (InboundBuffer.HIGH_WATER >> 20) + " MiB arrived that nobody consumed, so reading is paused (flow"
          + " control) and the FIN waits behind them; consume the data first (receive…, sha256UntilEnd)"));
    }
    return inbound.endReason();
  }

  /** Waits for FIN from the peer: its clean close, the empty read. */
  public void awaitPeerClosed(Duration timeout) {
    awaitEnd(timeout);
    if (!transcript.has(TranscriptEvent.Kind.PEER_CLOSED)) {
      throw new ExpectationFailedException(failure("expected the peer to close cleanly (FIN), but: " + inbound.endReason()));
    }
  }

  /** Waits for RST from the peer: "connection reset by peer". */
  public void awaitPeerReset(Duration timeout) {
    Await.until(timeout, () -> transcript.has(TranscriptEvent.Kind.PEER_RESET),
        () -> failure("expected the peer to reset the connection (RST) within " + Await.human(timeout)
            + ", but: " + inbound.endReason()));
  }

  /** Checks that no bytes arrive for the whole {@code period}. */
  public void expectNothing(Duration period) {
    long before = inbound.received();
    Await.during(period, () -> inbound.received() > before,
        () -> failure("expected nothing for " + Await.human(period) + ", but bytes arrived"));
  }

  /** What is waiting, as a hexdump with decoded text (at most 4 KiB shown). */
  public String describeWaiting(Charset charset) {
    return HexDump.of(inbound.peek(DUMP_LIMIT), charset);
  }

  private boolean waitingIsPrefixOf(byte[] expected) {
    byte[] head = inbound.peek(expected.length);
    return java.util.Arrays.equals(head, 0, head.length, expected, 0, head.length);
  }

  private String decodedWaiting(Charset charset) {
    return new String(inbound.peek(1 << 20), charset);
  }

  private String failure(String expectation) {
    return failure(expectation, StandardCharsets.UTF_8);
  }

  private String failure(String expectation, Charset charset) {
    return owner.get() + ": " + expectation + ".\nWhat arrived and was not consumed yet (" + inbound.available() + " of "
        + inbound.received() + " bytes received; connection " + inbound.endReason() + "):\n"
        + HexDump.of(inbound.peek(DUMP_LIMIT), charset);
  }

  private static String describe(byte[] bytes, Charset charset) {
    return HexDump.quote(new String(bytes, charset)) + " (" + bytes.length + " bytes as " + charset.name() + ")";
  }


  /** Consumes one line and checks it is {@code expected} followed by exactly {@code ending}. */
  public void expectLine(String expected, LineEnding ending, Charset charset, Duration timeout) {
    expect(ending.terminate(Payload.text(expected, charset).bytes()), timeout, charset);
  }

  /** Consumes one line (LF or CRLF) and checks its text, without the ending, is {@code expected}. */
  public void expectLine(String expected, Charset charset, Duration timeout) {
    String line = receiveLine(charset, timeout);
    if (!line.equals(expected)) {
      throw new ExpectationFailedException(failure("expected the line " + HexDump.quote(expected)
          + ", but received the line " + HexDump.quote(line), charset));
    }
  }

  /** Consumes one line and checks the whole line, without its ending, matches {@code regex}; returns it. */
  public String expectLineMatching(Pattern regex, Charset charset, Duration timeout) {
    String line = receiveLine(charset, timeout);
    if (!regex.matcher(line).matches()) {
      throw new ExpectationFailedException(failure("expected a line matching /" + regex + "/, but received the line "
          + HexDump.quote(line), charset));
    }
    return line;
  }

  /** Consumes the next read (or frame, with a framing) and checks it is exactly {@code expected}. */
  public void expectFrame(byte[] expected, Charset charset, Duration timeout) {
    byte[] frame = receiveFrame(timeout);
    if (!java.util.Arrays.equals(frame, expected)) {
      throw new ExpectationFailedException(failure("expected the message " + describe(expected, charset)
          + ", but the next message was " + describe(frame, charset), charset));
    }
  }

  /**
   * Consumes {@code count} lines and checks they are {@code messages}' lines 1 to {@code count}, in order: what
   * "complete and in order" means for a stream. {@code patience} is for each line.
   */
  public void expectNumberedLines(io.netharness.payload.NumberedMessages messages, int count, Duration patience) {
    for (int i = 1; i <= count; i++) {
      String got = receiveLine(StandardCharsets.US_ASCII, patience);
      if (!got.equals(messages.line(i))) {
        throw new ExpectationFailedException(failure("expected line " + i + " to be \"" + messages.line(i)
            + "\", but it was \"" + got + "\""));
      }
    }
  }

  // ---- the same with the endpoint's charset and timeout (see ReceiveDefaults) ----------------------

  public byte[] receiveBytes(int n) {
    return receiveBytes(n, defaults.timeout());
  }

  public void expectBytes(byte[] expected) {
    expectBytes(expected, defaults.charset(), defaults.timeout());
  }

  public void expectText(String text) {
    expectText(text, defaults.charset(), defaults.timeout());
  }

  public String receiveLine() {
    return receiveLine(defaults.charset(), defaults.timeout());
  }

  public String receiveMatching(Pattern regex) {
    return receiveMatching(regex, defaults.charset(), defaults.timeout());
  }

  public byte[] receiveFrame() {
    return receiveFrame(defaults.timeout());
  }

  public String awaitEnd() {
    return awaitEnd(defaults.timeout());
  }

  public void awaitPeerClosed() {
    awaitPeerClosed(defaults.timeout());
  }

  public void awaitPeerReset() {
    awaitPeerReset(defaults.timeout());
  }

  public void expectLine(String expected) {
    expectLine(expected, defaults.charset(), defaults.timeout());
  }

  public String expectLineMatching(Pattern regex) {
    return expectLineMatching(regex, defaults.charset(), defaults.timeout());
  }

  public void expectFrame(byte[] expected) {
    expectFrame(expected, defaults.charset(), defaults.timeout());
  }
}
