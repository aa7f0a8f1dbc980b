package io.netharness.lab.internal;

import io.netharness.lab.ChecksumFix;

/**
 * Inverts one byte of an IPv4 packet beyond its IP header. Left broken, the transport checksum then fails (a
 * one's-complement sum catches any single changed byte) and the receiving kernel drops the packet; the byte is
 * in the TCP or UDP payload when there is one, else in the transport header but never in its checksum field
 * (a UDP checksum flipped to 0 would mean "no checksum" and be accepted). Recomputed ({@link Checksums}), the
 * byte is always in the payload of a whole (unfragmented) packet, and a packet without payload is left alone:
 * a header changed behind a valid checksum would reset connections or misroute packets, not show corrupted
 * data, and a fragment's checksum covers bytes the wire never sees together.
 */
public final class Corruption {
  private Corruption() {}

  /** Inverts the chosen byte in place, checksums left broken; returns its offset, or -1 when there is nothing to hit. */
  public static int apply(byte[] packet, int length, double where) {
    return apply(packet, length, where, ChecksumFix.LEFT_BROKEN);
  }

  /** Inverts the chosen byte in place and fixes the checksums or not; returns its offset, or -1 (left alone). */
  public static int apply(byte[] packet, int length, double where, ChecksumFix fix) {
    if (length < 20 || (packet[0] >> 4) != 4) {
      return -1;
    }
    boolean recompute = fix == ChecksumFix.RECOMPUTED;
    boolean fragment = ((((packet[6] & 0xff) << 8) | (packet[7] & 0xff)) & 0x3fff) != 0;
    if (recompute && fragment) {
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
    } else if (recompute) {
      return -1;
    } else {
      int span = payloadStart - ihl - 2;
      offset = ihl + (int) (where * span);
      if (offset >= checksumAt) {
        offset += 2;
      }
    }
    packet[offset] = (byte) ~packet[offset];
    if (recompute) {
      Checksums.recompute(packet, length);
    }
    return offset;
  }
}
