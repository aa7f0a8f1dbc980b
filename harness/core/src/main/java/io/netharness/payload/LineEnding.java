package io.netharness.payload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a line ends on the wire: {@code LF} ({@code \n}, Unix, the default) or {@code CRLF}
 * ({@code \r\n}, what SMTP, HTTP/1.1, Redis and most Internet line protocols require).
 *
 * <pre>{@code
 * byte[] ehlo = LineEnding.CRLF.terminate("EHLO me".getBytes(US_ASCII));   // "EHLO me\r\n"
 * }</pre>
 */
public enum LineEnding {
  LF("\n"),
  CRLF("\r\n");

  private final byte[] bytes;

  LineEnding(String terminator) {
    this.bytes = terminator.getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code line} followed by this terminator. */
  public byte[] terminate(byte[] line) {
    byte[] out = Arrays.copyOf(line, line.length + bytes.length);
    System.arraycopy(bytes, 0, out, line.length, bytes.length);
    return out;
  }

  /** "LF" or "CRLF", case-insensitively; anything else says what is allowed. */
  public static LineEnding parse(String name) {
    for (LineEnding ending : values()) {
      if (ending.name().equalsIgnoreCase(name.strip())) {
        return ending;
      }
    }
    throw new io.netharness.HarnessException("unknown line ending \"" + name + "\": use LF or CRLF");
  }
}
