package io.netharness.impairment;

/** Which way a datagram travels through a {@link UdpRelay}. */
public enum UdpDirection {
  /** From a client to the target. */
  UPSTREAM,
  /** From the target back to the client that last sent to it. */
  DOWNSTREAM
}
