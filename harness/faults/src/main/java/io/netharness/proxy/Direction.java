package io.netharness.proxy;

import io.netharness.HarnessException;
import java.util.Locale;

/**
 * Which way bytes flow through a proxy, in Toxiproxy's words: {@code UPSTREAM} is client → server,
 * {@code DOWNSTREAM} is server → client (the default for toxics).
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(200)));
 * Direction d = Direction.parse("Upstream");
 * }</pre>
 */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM;

  /** "upstream" or "downstream", as Toxiproxy's API writes it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive, like Toxiproxy's {@code stream.ParseDirection}. */
  public static Direction parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "upstream" -> UPSTREAM;
      case "downstream" -> DOWNSTREAM;
      default -> throw new HarnessException("stream was invalid, can be either upstream or downstream (got \"" + text + "\")");
    };
  }
}
