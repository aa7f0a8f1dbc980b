package io.netharness.lab;

/**
 * What the wire did to one direction's packets so far. {@code packets} counts what it read; {@code forwarded}
 * what it delivered at least once; {@code dropped} what its loss dropped and {@code queueDrops} what found the
 * rate limit's queue full (so {@code packets = forwarded + dropped + queueDrops}); the other counters overlap
 * ({@code corrupted} packets are forwarded, corrupted).
 *
 * <pre>{@code
 * WireCounters c = lab.wire().counters(Direction.A_TO_B);
 * System.out.println(c.dropped() + " of " + c.packets() + " dropped");
 * }</pre>
 */
public record WireCounters(
    long packets, long bytes, long forwarded, long dropped, long queueDrops, long duplicated, long reordered,
    long corrupted) {

  @Override
  public String toString() {
    return packets + " packets (" + bytes + " bytes): " + forwarded + " forwarded, " + dropped + " dropped, "
        + (queueDrops > 0 ? queueDrops + " dropped by the full queue, " : "") + duplicated + " duplicated, " + reordered + " reordered, " + corrupted + " corrupted";
  }
}
