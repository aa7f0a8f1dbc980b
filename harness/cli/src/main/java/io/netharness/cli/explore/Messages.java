package io.netharness.cli.explore;

import java.nio.charset.StandardCharsets;

/** The workload's numbered messages: {@code msg-000042\n}, all the same length. */
final class Messages {
  static final int BYTES = text(0).length();

  private Messages() {}

  static String text(int seq) {
    return String.format(java.util.Locale.ROOT, "msg-%06d\n", seq);
  }

  static byte[] bytes(int seq) {
    return text(seq).getBytes(StandardCharsets.US_ASCII);
  }

  /** The number in a message (with or without its newline), or -1 if it is not one of ours. */
  static int number(String message) {
    String s = message.strip();
    if (!s.startsWith("msg-")) {
      return -1;
    }
    try {
      return Integer.parseInt(s.substring(4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
