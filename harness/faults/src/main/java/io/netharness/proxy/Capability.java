package io.netharness.proxy;

/**
 * What a fault backend can do beyond Toxiproxy 2.12. Scenarios tagged with a capability's tag are
 * skipped, with the reason printed, on a backend that lacks it.
 *
 * <pre>{@code
 * if (!backend.capabilities().contains(Capability.SEEDS)) { ... }
 * }</pre>
 */
public enum Capability {
  /** UDP impairment (Toxiproxy is TCP only). Tag: {@code @udp}. */
  UDP("@udp"),
  /** The packet_loss toxic. Tag: {@code @packet-loss}. */
  PACKET_LOSS("@packet-loss"),
  /** Refuse, blackhole or slow-open connects. Tag: {@code @connect-faults}. */
  CONNECT_FAULTS("@connect-faults"),
  /** Toxics that start after a byte pattern passed. Tag: {@code @triggers}. */
  CONTENT_TRIGGERS("@triggers"),
  /** Seeded, replayable randomness (Toxiproxy's -seed does nothing). Tag: {@code @seeded}. */
  SEEDS("@seeded"),
  /** Per-toxic byte counters ("touched"). Tag: {@code @touched}. */
  TOUCHED_COUNTERS("@touched"),
  /** TCP half-close passed through (Toxiproxy closes fully). Tag: {@code @half-close}. */
  HALF_CLOSE("@half-close");

  private final String tag;

  Capability(String tag) {
    this.tag = tag;
  }

  /** The Gherkin tag that marks scenarios needing this capability. */
  public String tag() {
    return tag;
  }
}
