package io.netharness.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One frame of a lab capture: an IPv4 packet as the sending host sent it, which way it went, its index in
 * that direction, and what the wire did to it ({@code forwarded}, {@code dropped}, {@code duplicated},
 * {@code reordered}, {@code corrupted@OFFSET}, {@code queue-dropped}, and {@code delay=12.5ms} when the wire delays). The accessors
 * decode the IP, TCP and UDP headers.
 *
 * <pre>{@code
 * for (CapturedPacket p : LabCapture.read(pcap).packets()) System.out.println(p.summary());
 * // 1 a>b #1 10.77.0.1:41234 > 10.77.0.2:7000 TCP [SYN] seq=0 len=0 forwarded
 * }</pre>
 */
public record CapturedPacket(int frame, Direction direction, long index, String fate, Instant time, byte[] bytes) {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  public CapturedPacket {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The IP protocol number: 6 for TCP, 17 for UDP, 1 for ICMP. */
  public int protocol() {
    return bytes.length >= 20 ? bytes[9] & 0xff : -1;
  }

  /** A TCP segment with its header here (not a later IP fragment of one). */
  public boolean isTcp() {
    return protocol() == 6 && fragmentOffset() == 0 && bytes.length >= ipHeaderLength() + 20;
  }

  /** A UDP datagram with its header here (a whole datagram, or the first IP fragment of one). */
  public boolean isUdp() {
    return protocol() == 17 && fragmentOffset() == 0 && bytes.length >= ipHeaderLength() + 8;
  }

  /** The packet's length in bytes, IP header included: what an MTU limits. */
  public int length() {
    return bytes.length;
  }

  /** Whether this is one IP fragment of a larger packet (more fragments follow, or it is not the first). */
  public boolean isFragment() {
    return moreFragments() || fragmentOffset() > 0;
  }

  /** Where this fragment's data goes in the reassembled packet, in bytes after the IP header. */
  public int fragmentOffset() {
    return bytes.length >= 20 ? (u16(6) & 0x1fff) * 8 : 0;
  }

  /** The IP header's MF flag: more fragments of this packet follow. */
  public boolean moreFragments() {
    return bytes.length >= 20 && (u16(6) & 0x2000) != 0;
  }

  /** The IP header's DF flag: routers must not fragment it (they answer "fragmentation needed" instead). */
  public boolean dontFragment() {
    return bytes.length >= 20 && (u16(6) & 0x4000) != 0;
  }

  /**
   * Whether the wire dropped this packet, by its loss or because the rate limit's queue was full
   * ({@code queue-dropped}); it is in the capture because the sender sent it.
   */
  public boolean dropped() {
    return fate.equals("dropped") || fate.equals("queue-dropped");
  }

  /** How long the wire held this packet (its delay with its own jitter), when the wire delays. */
  public Optional<Duration> delay() {
    for (String word : fate.split(" ")) {
      if (word.startsWith("delay=") && word.endsWith("ms")) {
        double millis = Double.parseDouble(word.substring(6, word.length() - 2));
        return Optional.of(Duration.ofNanos(Math.round(millis * 1_000_000)));
      }
    }
    return Optional.empty();
  }

  public String source() {
    return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
  }

  public String destination() {
    return (bytes[16] & 0xff) + "." + (bytes[17] & 0xff) + "." + (bytes[18] & 0xff) + "." + (bytes[19] & 0xff);
  }

  public int sourcePort() {
    return isTcp() || isUdp() ? u16(ipHeaderLength()) : -1;
  }

  public int destinationPort() {
    return isTcp() || isUdp() ? u16(ipHeaderLength() + 2) : -1;
  }

  /** TCP flags ({@link #SYN}, {@link #ACK}, ...); 0 for other protocols. */
  public int tcpFlags() {
    return isTcp() ? bytes[ipHeaderLength() + 13] & 0x3f : 0;
  }

  public boolean hasFlags(int flags) {
    return (tcpFlags() & flags) == flags;
  }

  /** The TCP sequence number as on the wire (unsigned 32 bits). */
  public long sequenceNumber() {
    return isTcp() ? u32(ipHeaderLength() + 4) : -1;
  }

  public long acknowledgementNumber() {
    return isTcp() ? u32(ipHeaderLength() + 8) : -1;
  }

  /** The TCP receive window as sent (not scaled). */
  public int window() {
    return isTcp() ? u16(ipHeaderLength() + 14) : -1;
  }

  /** Bytes of TCP or UDP payload (of a later IP fragment: all of its data, the rest of the datagram's payload). */
  public int payloadLength() {
    int total = Math.min(bytes.length, u16(2));
    if (fragmentOffset() > 0) {
      return total - ipHeaderLength();
    }
    if (isTcp()) {
      return total - ipHeaderLength() - ((bytes[ipHeaderLength() + 12] >> 4) & 0x0f) * 4;
    }
    if (isUdp()) {
      return total - ipHeaderLength() - 8;
    }
    return 0;
  }

  /** The TCP or UDP payload. */
  public byte[] payload() {
    int length = payloadLength();
    return Arrays.copyOfRange(bytes, Math.min(bytes.length, u16(2)) - length, Math.min(bytes.length, u16(2)));
  }

  /** One line in the spirit of tshark's: frame, direction, addresses, protocol, flags, sequence, length, fate. */
  public String summary() {
    StringBuilder line = new StringBuilder();
    line.append(frame).append(' ').append(direction.arrow()).append(" #").append(index).append(' ');
    if (isTcp() || isUdp()) {
      line.append(source()).append(':').append(sourcePort()).append(" > ")
          .append(destination()).append(':').append(destinationPort());
    } else {
      line.append(source()).append(" > ").append(destination());
    }
    if (isTcp()) {
      line.append(" TCP [").append(flagNames()).append("] seq=").append(sequenceNumber());
      if (hasFlags(ACK)) {
        line.append(" ack=").append(acknowledgementNumber());
      }
      line.append(" win=").append(window());
    } else if (isUdp()) {
      line.append(" UDP");
    } else {
      line.append(" proto ").append(protocol());
    }
    line.append(" len=").append(payloadLength());
    if (isFragment()) {
      line.append(" [fragment offset=").append(fragmentOffset()).append(moreFragments() ? " MF" : "").append(']');
    }
    return line.append(' ').append(fate).toString();
  }

  private String flagNames() {
    StringBuilder names = new StringBuilder();
    String[] words = {"FIN", "SYN", "RST", "PSH", "ACK"};
    for (int bit = 0; bit < words.length; bit++) {
      if ((tcpFlags() & (1 << bit)) != 0) {
        names.append(names.length() == 0 ? "" : ",").append(words[bit]);
      }
    }
    return names.toString();
  }

  private int ipHeaderLength() {
    return (bytes[0] & 0x0f) * 4;
  }

  private int u16(int at) {
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }

  private long u32(int at) {
    return ((long) u16(at) << 16) | u16(at + 2);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CapturedPacket p && p.frame == frame && p.direction == direction && p.index == index
        && p.fate.equals(fate) && p.time.equals(time) && Arrays.equals(p.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * frame + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return summary();
  }
}
