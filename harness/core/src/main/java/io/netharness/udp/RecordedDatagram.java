package io.netharness.udp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * One datagram as it arrived: who sent it, its bytes (one send = one datagram) and when.
 *
 * <pre>{@code
 * RecordedDatagram d = peer.receive(Duration.ofSeconds(1));
 * System.out.println(d.sender() + " sent " + d.bytes().length + " bytes");
 * }</pre>
 *
 * @param index 1 for the first datagram this peer received, then 2, ...
 * @param sender the address it came from
 * @param bytes its payload
 * @param at time since the peer was bound
 */
public record RecordedDatagram(int index, InetSocketAddress sender, byte[] bytes, Duration at) {
  public RecordedDatagram {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedDatagram d && index == d.index && sender.equals(d.sender)
        && Arrays.equals(bytes, d.bytes) && at.equals(d.at);
  }

  @Override
  public int hashCode() {
    return (index * 31 + sender.hashCode()) * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "datagram #" + index + " from " + sender + " (" + bytes.length + " bytes)";
  }
}
