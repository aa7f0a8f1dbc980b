package io.netharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.lab.internal.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CorruptionTest {
  @Test
  void invertsOneUdpPayloadByteAndLeavesTheChecksumAlone() {
    byte[] packet = udp(new byte[] {1, 2, 3, 4});
    byte[] before = packet.clone();
    int at = Corruption.apply(packet, packet.length, 0.5);
    assertThat(at).isEqualTo(28 + 2);
    assertThat(packet[at]).isEqualTo((byte) ~before[at]);
    for (int i = 0; i < packet.length; i++) {
      if (i != at) {
        assertThat(packet[i]).as("byte %d", i).isEqualTo(before[i]);
      }
    }
  }

  @Test
  void withoutPayloadHitsTheHeaderButNeverItsChecksum() {
    for (double where = 0; where < 1; where += 0.01) {
      byte[] packet = udp(new byte[0]);
      int at = Corruption.apply(packet, packet.length, where);
      assertThat(at).isBetween(20, 27).isNotIn(26, 27);
    }
  }

  @Test
  void leavesWhatIsNotIpv4TcpOrUdpAlone() {
    byte[] packet = udp(new byte[] {1});
    packet[9] = 1; // ICMP
    assertThat(Corruption.apply(packet, packet.length, 0.5)).isEqualTo(-1);
  }

  private static byte[] udp(byte[] payload) {
    byte[] packet = new byte[28 + payload.length];
    packet[0] = 0x45;
    packet[9] = 17;
    packet[26] = 0x12;
    packet[27] = 0x34;
    System.arraycopy(payload, 0, packet, 28, payload.length);
    return packet;
  }
}
