package io.netharness.payload;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The view a network debugging assistant shows: offset, sixteen hex bytes, printable ASCII — then
 * the whole buffer decoded in a charset, so multi-byte text (GBK, UTF-8) is readable too.
 *
 * <pre>{@code
 * System.out.println(HexDump.of("hi\n".getBytes(UTF_8), UTF_8));
 * // 00000000  68 69 0a                                         |hi.|
 * // decoded as UTF-8: "hi\n"
 * }</pre>
 */
public final class HexDump {
  /** Dumps longer than this show the head and the tail only. */
  public static final int MAX_DUMP_BYTES = 4096;

  private HexDump() {}

  public static String of(byte[] bytes) {
    return of(bytes, StandardCharsets.UTF_8);
  }

  public static String of(byte[] bytes, Charset charset) {
    StringBuilder out = new StringBuilder();
    if (bytes.length == 0) {
      return "(no bytes)";
    }
    if (bytes.length <= MAX_DUMP_BYTES) {
      rows(out, bytes, 0, bytes.length);
    } else {
      int half = MAX_DUMP_BYTES / 2;
      rows(out, bytes, 0, half);
      out.append(String.format("... %,d bytes not shown ...%n", bytes.length - 2 * half));
      rows(out, bytes, bytes.length - half, bytes.length);
    }
    out.append(bytes.length).append(bytes.length == 1 ? " byte" : " bytes");
    out.append(", decoded as ").append(charset.name()).append(": ");
    byte[] text = bytes.length <= MAX_DUMP_BYTES ? bytes : java.util.Arrays.copyOf(bytes, MAX_DUMP_BYTES);
    out.append(quote(Encodings.decodeLenient(text, charset)));
    return out.toString();
  }

  /** A Java-style quoted string with control characters escaped, for one-line messages. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void rows(StringBuilder out, byte[] bytes, int from, int to) {
    for (int row = from; row < to; row += 16) {
      out.append(String.format("%08x  ", row));
      StringBuilder ascii = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        int at = row + i;
        if (at < to) {
          int b = bytes[at] & 0xff;
          out.append(String.format("%02x ", b));
          ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        } else {
          out.append("   ");
        }
        if (i == 7) {
          out.append(' ');
        }
      }
      out.append(" |").append(ascii).append("|\n");
    }
  }
}
