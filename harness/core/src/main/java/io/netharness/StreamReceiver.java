package io.netharness;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * An endpoint that receives a byte stream: each receive and expect here is a shortcut to its {@link #inbound()},
 * and consumes what it matched. The forms without a charset or timeout use the endpoint's {@link ReceiveDefaults}.
 *
 * <pre>{@code
 * client.expectText("220 ready\r\n");                 // the endpoint's charset and timeout
 * String line = client.receiveLine(UTF_8, Duration.ofSeconds(2));
 * client.awaitPeerClosed();
 * }</pre>
 */
public interface StreamReceiver {

  /** What arrived and was not consumed yet. */
  Inbound inbound();

  /** Consumes exactly {@code n} bytes, waiting up to {@code timeout} for them. */
  default byte[] receiveBytes(int n, Duration timeout) {
    return inbound().receiveBytes(n, timeout);
  }

  default byte[] receiveBytes(int n) {
    return inbound().receiveBytes(n);
  }

  /** Consumes {@code expected.length} bytes and checks they are exactly {@code expected}. */
  default void expectBytes(byte[] expected, Duration timeout) {
    inbound().expectBytes(expected, timeout);
  }

  default void expectBytes(byte[] expected) {
    inbound().expectBytes(expected);
  }

  /** Consumes the text's bytes in {@code charset} and checks them. */
  default void expectText(String text, Charset charset, Duration timeout) {
    inbound().expectText(text, charset, timeout);
  }

  default void expectText(String text) {
    inbound().expectText(text);
  }

  /** Consumes one line (up to {@code \n}) and returns it without its {@code \r\n} or {@code \n}. */
  default String receiveLine(Charset charset, Duration timeout) {
    return inbound().receiveLine(charset, timeout);
  }

  default String receiveLine() {
    return inbound().receiveLine();
  }

  /** Consumes the next text matching {@code regex} from where the stream stands; see {@link Inbound#receiveMatching}. */
  default String receiveMatching(Pattern regex, Charset charset, Duration timeout) {
    return inbound().receiveMatching(regex, charset, timeout);
  }

  default String receiveMatching(Pattern regex) {
    return inbound().receiveMatching(regex);
  }

  /** Consumes the next read as it came off the socket — or, with a framing, the next message. */
  default byte[] receiveFrame(Duration timeout) {
    return inbound().receiveFrame(timeout);
  }

  default byte[] receiveFrame() {
    return inbound().receiveFrame();
  }

  /** Consumes everything until the peer closes; for large streams prefer {@link #sha256UntilEnd}. */
  default byte[] receiveUntilEnd(Duration timeout) {
    return inbound().receiveUntilEnd(timeout);
  }

  /** Consumes the stream until the peer closes and returns its SHA-256 (lower-case hex), in bounded memory. */
  default String sha256UntilEnd(Duration timeout) {
    return inbound().sha256UntilEnd(timeout);
  }

  /** Waits for the end of the incoming stream (FIN, RST or close) without consuming data; says how it ended. */
  default String awaitEnd(Duration timeout) {
    return inbound().awaitEnd(timeout);
  }

  default String awaitEnd() {
    return inbound().awaitEnd();
  }

  /** Waits for FIN from the peer: its clean close, the empty read. */
  default void awaitPeerClosed(Duration timeout) {
    inbound().awaitPeerClosed(timeout);
  }

  default void awaitPeerClosed() {
    inbound().awaitPeerClosed();
  }

  /** Waits for RST from the peer: "connection reset by peer". */
  default void awaitPeerReset(Duration timeout) {
    inbound().awaitPeerReset(timeout);
  }

  default void awaitPeerReset() {
    inbound().awaitPeerReset();
  }

  /** Checks that no bytes arrive for the whole {@code period}. */
  default void expectNothing(Duration period) {
    inbound().expectNothing(period);
  }

  /** What is waiting, as a hexdump with decoded text (at most 4 KiB shown). */
  default String describeWaiting(Charset charset) {
    return inbound().describeWaiting(charset);
  }
}
