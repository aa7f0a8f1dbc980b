package io.netharness.payload;

import io.netharness.HarnessException;
import java.util.HexFormat;

/**
 * Hex text to bytes and back. Parsing accepts what people paste: spaces, colons, dashes,
 * newlines and an optional {@code 0x} prefix per byte.
 *
 * <pre>{@code
 * byte[] b = Hex.parse("e5 93 88 0x0a");  // 4 bytes
 * String s = Hex.format(b);                 // "e593880a"
 * }</pre>
 */
public final class Hex {
  private static final HexFormat LOWER = HexFormat.of();
  private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

  private Hex() {}

  public static byte[] parse(String hex) {
    String digits = hex.replaceAll("(?i)0x", "").replaceAll("[\\s:,\\-]", "");
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new HarnessException(
            "bad hex \"" + hex + "\": '" + digits.charAt(i) + "' is not a hex digit;"
                + " write bytes as pairs of 0-9/a-f, e.g. \"48 65 6c 6c 6f\"");
      }
    }
    if (digits.length() % 2 != 0) {
      throw new HarnessException(
          "bad hex \"" + hex + "\": odd number of hex digits (" + digits.length()
              + "); every byte needs two digits, e.g. \"0a\" not \"a\"");
    }
    return LOWER.parseHex(digits);
  }

  /** Lower-case hex without separators: {@code "e59388"}. */
  public static String format(byte[] bytes) {
    return LOWER.formatHex(bytes);
  }

  /** Lower-case hex with a space between bytes: {@code "e5 93 88"}. */
  public static String formatSpaced(byte[] bytes) {
    return SPACED.formatHex(bytes);
  }
}
