package io.netharness.proxy;

/**
 * Something a scenario can observe that not every fault backend gives it. Scenarios tagged with a
 * capability's tag are skipped, with {@link FaultBackend#whyNot(Capability)} printed, on a backend
 * that lacks it; everything else means the same on every backend. The embedded backend has all of
 * them; docs/faults.md ("Fidelity") says which the others have, measured.
 *
 * <pre>{@code
 * if (!backend.capabilities().contains(Capability.SEEDS)) {
 *   System.out.println(backend.whyNot(Capability.SEEDS));
 * }
 * }</pre>
 */
public enum Capability {
  /** UDP impairment. Tag: {@code @udp}. */
  UDP("@udp", "Toxiproxy proxies TCP only"),
  /** The packet_loss toxic. Tag: {@code @packet-loss}. */
  PACKET_LOSS("@packet-loss", "packet_loss is not in Toxiproxy 2.12"),
  /** Refuse, blackhole or slow-open connects. Tag: {@code @connect-faults}. */
  CONNECT_FAULTS("@connect-faults", "refusing, blackholing or slowing a connect is not a Toxiproxy toxic"),
  /** Toxics that start after a byte pattern passed. Tag: {@code @triggers}. */
  CONTENT_TRIGGERS("@triggers", "Toxiproxy's toxics cannot wait for a byte pattern"),
  /** Seeded, replayable randomness. Tag: {@code @seeded}. */
  SEEDS("@seeded", "Toxiproxy 2.12's -seed does nothing, so its randomness cannot be replayed"),
  /** Per-toxic byte counters ("touched"). Tag: {@code @touched}. */
  TOUCHED_COUNTERS("@touched", "Toxiproxy has no per-toxic byte counters"),
  /** TCP half-close passed through. Tag: {@code @half-close}. */
  HALF_CLOSE("@half-close", "Toxiproxy closes both directions when one side sends a FIN"),
  /**
   * reset_peer added to a connection that is already open resets it (RST). Toxiproxy 2.12 sets
   * SO_LINGER 0 only on connections that start while a reset_peer toxic is in the chain, so an
   * open connection ends with a FIN. Tag: {@code @reset-open}.
   */
  RESET_OPEN_CONNECTIONS("@reset-open", "Toxiproxy 2.12 ends a connection that was already open when reset_peer"
      + " was added with a FIN, not an RST (it sets SO_LINGER 0 only when a connection starts)"),
  /** An RST from the proxy reaches the client as an RST. Tag: {@code @rst}. */
  RESETS("@rst", "an RST from the proxy does not reach the client as an RST"),
  /** A proxy that is down refuses new connections (ECONNREFUSED). Tag: {@code @refusal}. */
  REFUSAL("@refusal", "a connect to a proxy that is down is not refused"),
  /** The slicer's pieces reach the other side as separate reads. Tag: {@code @slice-boundaries}. */
  SLICE_BOUNDARIES("@slice-boundaries", "the slicer's pieces do not reach the other side as separate reads");

  private final String tag;
  private final String whyMissing;

  Capability(String tag, String whyMissing) {
    this.tag = tag;
    this.whyMissing = whyMissing;
  }

  /** The Gherkin tag that marks scenarios needing this capability. */
  public String tag() {
    return tag;
  }

  /** Why a backend without it lacks it, in general; a backend may say more in {@link FaultBackend#whyNot}. */
  public String whyMissing() {
    return whyMissing;
  }
}
