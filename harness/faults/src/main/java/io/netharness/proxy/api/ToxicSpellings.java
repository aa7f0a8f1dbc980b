package io.netharness.proxy.api;

import io.netharness.proxy.ToxicAttachment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a client wrote for each toxic of one proxy, so it is echoed back as sent, like Toxiproxy:
 * the {@code stream} text ({@code "UpStream"} stays {@code "UpStream"}) and the {@code toxicity}
 * (2 stays 2, though the proxy applies it as 1). Toxics added through the Java API have no
 * spelling and are shown in canonical form.
 */
final class ToxicSpellings {
  record Spelling(String stream, float toxicity) {}

  private final Map<String, Spelling> byName = new ConcurrentHashMap<>();

  void put(String toxic, String stream, float toxicity) {
    byName.put(toxic, new Spelling(stream, toxicity));
  }

  void remove(String toxic) {
    byName.remove(toxic);
  }

  void clear() {
    byName.clear();
  }

  /** The stream as the client wrote it, if it still names the attachment's direction. */
  String stream(ToxicAttachment t) {
    Spelling s = byName.get(t.name());
    return s != null && s.stream().equalsIgnoreCase(t.direction().wireName()) ? s.stream() : t.direction().wireName();
  }

  /** The toxicity as the client wrote it, if the proxy still applies that value. */
  float toxicity(ToxicAttachment t) {
    Spelling s = byName.get(t.name());
    return s != null && clamp(s.toxicity()) == t.toxicity() ? s.toxicity() : (float) t.toxicity();
  }

  /** Toxiproxy does not range-check toxicity; the embedded proxy needs a probability. */
  static double clamp(double toxicity) {
    return Math.max(0, Math.min(1, toxicity));
  }
}
