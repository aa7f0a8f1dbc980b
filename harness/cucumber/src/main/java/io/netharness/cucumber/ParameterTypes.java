package io.netharness.cucumber;

import io.cucumber.java.ParameterType;
import io.netharness.Framing;
import io.netharness.HarnessException;
import io.netharness.payload.Encodings;
import io.netharness.payload.Hex;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;

/**
 * Every parameter type of the step library; the method name is the {@code {parameter}} name.
 *
 * <pre>{@code
 * When "alice" sends "哈哈" encoded as GBK                              # {charset}
 * Then "alice" receives nothing for 200 ms                             # {duration}
 * Given a TCP server "srv" with length-prefixed (2 bytes) framing      # {framing}
 * }</pre>
 */
public final class ParameterTypes {

  /** Any JDK charset name: UTF-8, GBK, GB18030, Big5, Shift_JIS, ISO-8859-1, UTF-16BE… */
  @ParameterType("[A-Za-z][A-Za-z0-9_.:\\-]*")
  public Charset charset(String name) {
    return Encodings.charset(name);
  }

  /** "200 ms", "2 s", "1.5 seconds", "500 milliseconds", "1 minute". Never negative. */
  @ParameterType("(-?\\d+(?:\\.\\d+)?) ?(ms|millis|milliseconds?|s|secs?|seconds?|min|minutes?)")
  public Duration duration(String amount, String unit) {
    double value = Double.parseDouble(amount);
    if (value < 0) {
      throw new HarnessException("a duration cannot be negative: \"" + amount + " " + unit
          + "\"; write e.g. \"200 ms\" or \"2 s\"");
    }
    String u = unit.toLowerCase(Locale.ROOT);
    double millis = u.startsWith("m") && !u.startsWith("min") ? value
        : u.startsWith("min") ? value * 60_000 : value * 1000;
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  /**
   * "raw", "lines", "length-prefixed (2 bytes)", "fixed size (16 bytes)",
   * "delimiter hex 00", "delimiter "|"".
   */
  @ParameterType("(raw)|(lines)|length-prefixed \\((\\d+) bytes?\\)|fixed size \\((\\d+) bytes?\\)"
      + "|delimiter hex ([0-9A-Fa-f ]+)|delimiter \"([^\"]+)\"")
  public Framing framing(String raw, String lines, String lengthField, String fixed, String delimiterHex,
      String delimiterText) {
    if (lines != null) {
      return Framing.lines();
    }
    if (lengthField != null) {
      return Framing.lengthPrefixed(Integer.parseInt(lengthField));
    }
    if (fixed != null) {
      return Framing.fixedSize(Integer.parseInt(fixed));
    }
    if (delimiterHex != null) {
      return Framing.delimiter(Hex.parse(delimiterHex));
    }
    if (delimiterText != null) {
      return Framing.delimiter(delimiterText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return Framing.raw();
  }

  /** "upstream" (client → server) or "downstream" (server → client). */
  @ParameterType("upstream|downstream")
  public io.netharness.proxy.Direction direction(String text) {
    return io.netharness.proxy.Direction.parse(text);
  }

  /** How lines end on the wire: "LF" ({@code \n}) or "CRLF" ({@code \r\n}). */
  @ParameterType("LF|CRLF")
  public io.netharness.payload.LineEnding lineEnding(String name) {
    return io.netharness.payload.LineEnding.parse(name);
  }

  /** A percentage: "20%", "2.5%". 0–100. */
  @ParameterType("(\\d+(?:\\.\\d+)?)%")
  public Double percent(String amount) {
    double value = Double.parseDouble(amount);
    if (value > 100) {
      throw new HarnessException("a percentage is at most 100%, not " + amount + "%");
    }
    return value / 100;
  }

  /** A byte count: "100 bytes", "64 KiB", "100 MiB", "1 KB" (1000 B). */
  @ParameterType("(\\d+) ?(bytes?|B|KiB|MiB|GiB|KB|MB)")
  public Long size(String amount, String unit) {
    long n = Long.parseLong(amount);
    return switch (unit) {
      case "KiB" -> n << 10;
      case "MiB" -> n << 20;
      case "GiB" -> n << 30;
      case "KB" -> n * 1000;
      case "MB" -> n * 1_000_000;
      default -> n;
    };
  }
}
