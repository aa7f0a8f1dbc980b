package io.netharness.cli.explore;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as people type them: {@code 1MiB}, {@code 256KiB}, {@code 64KB} (1000 B), {@code 4096}, {@code 10B}. */
public final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(-?\\d+)\\s*(b|kb|kib|mb|mib)?");

  private ByteSizes() {}

  /** The number of bytes, or empty when the text is not a size (negative numbers parse, to be refused by range). */
  public static OptionalLong parse(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || m.group(1).length() > 12) {
      return OptionalLong.empty();
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    return OptionalLong.of(switch (unit) {
      case "kb" -> n * 1000;
      case "kib" -> n << 10;
      case "mb" -> n * 1_000_000;
      case "mib" -> n << 20;
      default -> n;
    });
  }

  /** The shortest exact form {@link #parse} reads back: {@code 1MiB}, {@code 64KiB}, {@code 64000B}. */
  public static String format(long bytes) {
    if (bytes > 0 && bytes % (1 << 20) == 0) {
      return bytes / (1 << 20) + "MiB";
    }
    if (bytes > 0 && bytes % 1024 == 0) {
      return bytes / 1024 + "KiB";
    }
    return bytes + "B";
  }

  /** For prose: {@code 1 MiB}, {@code 64 KiB}, {@code 64000 bytes}. */
  public static String describe(long bytes) {
    String exact = format(bytes);
    return exact.endsWith("iB") ? exact.replaceFirst("(\\d+)", "$1 ") : bytes + (bytes == 1 ? " byte" : " bytes");
  }
}
