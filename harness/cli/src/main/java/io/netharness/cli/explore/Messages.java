package io.netharness.cli.explore;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The numbered messages of the messages workload, all {@code bytes} long: {@code msg-000042\n} at
 * the shortest (11 bytes), padded with dots before the newline beyond that ({@code msg-000042....\n}).
 */
final class Messages {
  private final int bytes;
  private final String padding;

  Messages(int bytes) {
    if (bytes < Workload.Messages.MIN_BYTES) {
      throw new IllegalArgumentException("a numbered message takes at least 11 bytes, not " + bytes);
    }
    this.bytes = bytes;
    this.padding = ".".repeat(bytes - Workload.Messages.MIN_BYTES);
  }

  int size() {
    return bytes;
  }

  String text(int seq) {
    return String.format(Locale.ROOT, "msg-%06d", seq) + padding + "\n";
  }

  byte[] bytes(int seq) {
    return text(seq).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The number in a received message (with or without its newline), or -1 when it is not exactly
   * one of ours: garbled, cut short or padded wrongly.
   */
  int number(String received) {
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
