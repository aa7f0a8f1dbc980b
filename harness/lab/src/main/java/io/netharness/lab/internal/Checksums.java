package io.netharness.lab.internal;

/**
 * The Internet checksum (RFC 1071: the one's complement of the one's-complement sum of 16-bit words) of an
 * IPv4 header, and of a TCP segment or UDP datagram with its pseudo-header (source and destination address,
 * protocol, length), recomputed in place. A UDP checksum that comes out as 0 is sent as 0xFFFF, since 0 means
 * "no checksum" (RFC 768).
 *
 * <pre>{@code
 * packet[40] ^= (byte) 0xFF;                  // a payload byte changed
 * Checksums.recompute(packet, packet.length); // the kernel will accept it now
 * }</pre>
 */
public final class Checksums {
  private static final int TCP = 6;
  private static final int UDP = 17;

  private Checksums() {}

  /** Recomputes the IPv4 header checksum and, for an unfragmented TCP or UDP packet, the transport checksum. */
  public static void recompute(byte[] packet, int length) {
    int ihl = (packet[0] & 0x0f) * 4;
    put(packet, 10, 0);
    put(packet, 10, ipv4Header(packet));
    int protocol = packet[9] & 0xff;
    int total = Math.min(length, u16(packet, 2));
    boolean fragment = (u16(packet, 6) & 0x3fff) != 0; // MF or an offset
    int at = protocol == TCP ? ihl + 16 : protocol == UDP ? ihl + 6 : -1;
    if (at < 0 || fragment || total < at + 2) {
      return;
    }
    put(packet, at, 0);
    int sum = transport(packet, total);
    put(packet, at, protocol == UDP && sum == 0 ? 0xffff : sum);
  }

  /** The checksum of the IPv4 header as it stands (0 when the header's own checksum field is right). */
  public static int ipv4Header(byte[] packet) {
    return finish(sum(packet, 0, (packet[0] & 0x0f) * 4, 0));
  }

  /**
   * The TCP or UDP checksum of the packet's transport part (the first {@code total} bytes are the IP packet)
   * with its pseudo-header, as it stands: 0 when the checksum field is right (and not 0 for UDP's "none").
   */
  public static int transport(byte[] packet, int total) {
    int ihl = (packet[0] & 0x0f) * 4;
    int segment = total - ihl;
    long sum = sum(packet, 12, 8, 0); // source and destination address
    sum += packet[9] & 0xff;
    sum += segment;
    return finish(sum(packet, ihl, segment, sum));
  }

  private static long sum(byte[] b, int from, int length, long start) {
    long sum = start;
    int end = from + length;
    int i = from;
    for (; i + 1 < end; i += 2) {
      sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
    if (i < end) {
      sum += (b[i] & 0xff) << 8; // an odd last byte is padded with a zero
    }
    return sum;
  }

  private static int finish(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static void put(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 8);
    b[at + 1] = (byte) value;
  }
}
