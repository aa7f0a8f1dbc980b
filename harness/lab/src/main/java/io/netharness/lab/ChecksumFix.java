package io.netharness.lab;

/**
 * What the wire does to a packet's checksums after corrupting it: leave them as they were, so the receiving
 * kernel finds the damage and drops the packet, or recompute them, so the damage looks like data and is
 * delivered. Real links almost always leave them broken (a bit flipped on the way); a recomputed checksum is
 * what a buggy middlebox, a NIC with checksum offload and bad memory, or a deliberate attacker produces.
 *
 * <pre>{@code
 * Impairment silent = Impairment.none().withCorruption(0.05, ChecksumFix.RECOMPUTED);
 * }</pre>
 */
public enum ChecksumFix {
  /** The checksum no longer matches: the kernel counts {@code InCsumErrors} and drops the packet. */
  LEFT_BROKEN,
  /** The IPv4 and TCP/UDP checksums are recomputed over the damaged packet: the kernel accepts it. */
  RECOMPUTED
}
