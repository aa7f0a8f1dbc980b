package io.netharness.payload;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Numbered messages, for checking that a transfer arrived complete, in order and without
 * duplicates: {@code msg-000042\n} at the shortest ({@link #MIN_BYTES} bytes), padded with dots
 * before the newline to any larger size ({@code msg-000042....\n}). The steps' numbered lines and
 * datagrams and {@code netharness explore} all use this one format.
 *
 * <pre>{@code
 * NumberedMessages messages = NumberedMessages.ofSize(11);
 * client.send(messages.bytes(1));                     // "msg-000001\n"
 * int n = messages.number(client.receiveLine(US_ASCII, Duration.ofSeconds(1)));   // 1, or -1 if garbled
 * }</pre>
 */
public final class NumberedMessages {
  /** The shortest numbered message: "msg-", six digits and a newline. */
  public static final int MIN_BYTES = 11;
  private static final NumberedMessages SHORTEST = new NumberedMessages(MIN_BYTES);

  private final int bytes;
  private final String padding;

  private NumberedMessages(int bytes) {
    this.bytes = bytes;
    this.padding = ".".repeat(bytes - MIN_BYTES);
  }

  /** Messages of exactly {@code bytes} bytes each, newline included; at least {@link #MIN_BYTES}. */
  public static NumberedMessages ofSize(int bytes) {
    if (bytes < MIN_BYTES) {
      throw new io.netharness.HarnessException("a numbered message takes at least " + MIN_BYTES + " bytes, not " + bytes);
    }
    return bytes == MIN_BYTES ? SHORTEST : new NumberedMessages(bytes);
  }

  /** {@code msg-000042\n}. */
  public static NumberedMessages shortest() {
    return SHORTEST;
  }

  public int size() {
    return bytes;
  }

  /** Message {@code seq} without its newline, e.g. {@code msg-000042}. */
  public String line(int seq) {
    return String.format(Locale.ROOT, "msg-%06d", seq) + padding;
  }

  /** Message {@code seq} with its newline. */
  public String text(int seq) {
    return line(seq) + "\n";
  }

  public byte[] bytes(int seq) {
    return text(seq).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The number in a received message (with or without its newline), or -1 when it is not exactly
   * one of these: garbled, cut short or padded wrongly.
   */
  public int number(String received) {
    String s = received.endsWith("\n") ? received : received + "\n";
    if (s.length() != bytes || !s.startsWith("msg-") || !s.startsWith(padding + "\n", 10)) {
      return -1;
    }
    int seq = 0;
    for (int i = 4; i < 10; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      seq = seq * 10 + (c - '0');
    }
    return seq;
  }
}
