package io.netharness.proxy;

import java.util.Map;

/**
 * A kind of network fault, configured: Toxiproxy's toxic type and attributes (same names, same
 * units on the wire) plus how it acts on one direction of one connection. Implementations are
 * records in {@code io.netharness.proxy.toxics}; see {@code Toxics} for the catalogue.
 *
 * <p>Toxicity and direction belong to the attachment ({@link FaultProxy#add}), never to the
 * toxic: the proxy rolls the toxicity once per connection and direction and gives the toxic a
 * stage only when it applies.
 *
 * <pre>{@code
 * Toxic slow = Toxics.latency(Duration.ofMillis(100)).withJitter(Duration.ofMillis(10));
 * slow.type();        // "latency"
 * slow.attributes();  // {latency=100, jitter=10}
 * }</pre>
 */
public interface Toxic {

  /** Toxiproxy's type name, e.g. {@code "limit_data"}. */
  String type();

  /** Every attribute of the type, in Toxiproxy's names and units (ms, KB/s, µs for slicer delay). */
  Map<String, Object> attributes();

  /** A fresh stage for one direction of one connection. */
  ToxicStage newStage();
}
