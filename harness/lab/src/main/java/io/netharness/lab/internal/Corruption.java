package io.netharness.lab.internal;

/**
 * Inverts one byte of an IPv4 packet beyond its IP header and leaves every checksum as it was: the transport
 * checksum then fails (a one's-complement sum catches any single changed byte) and the receiving kernel drops
 * the packet. The byte is in the TCP or UDP payload when there is one, else in the transport header but never
 * in its checksum field (a UDP checksum flipped to 0 would mean "no checksum" and be accepted).
 */
public final class Corruption {
  private Corruption() {}

  /** Inverts the chosen byte in place and returns its offset in the packet, or -1 when there is nothing to hit. */
  public static int apply(byte[] packet, int length, double where) {
    if (length < 20 || (packet[0] >> 4) != 4) {
      return -1;
    }
    int ihl = (packet[0] & 0x0f) * 4;
    int protocol = packet[9] & 0xff;
    int payloadStart;
    int checksumAt;
    if (protocol == 6 && length >= ihl + 20) {
      payloadStart = ihl + ((packet[ihl + 12] >> 4) & 0x0f) * 4;
      checksumAt = ihl + 16;
    } else if (protocol == 17 && length >= ihl + 8) {
      payloadStart = ihl + 8;
      checksumAt = ihl + 6;
    } else {
      return -1;
    }
    int offset;
    if (payloadStart < length) {
      offset = payloadStart + (int) (where * (length - payloadStart));
    } else {
      int span = payloadStart - ihl - 2;
      offset = ihl + (int) (where * span);
      if (offset >= checksumAt) {
        offset += 2;
      }
    }
    packet[offset] = (byte) ~packet[offset];
    return offset;
  }
}
