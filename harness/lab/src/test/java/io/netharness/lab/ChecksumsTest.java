package io.netharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.lab.internal.Checksums;
import io.netharness.lab.internal.Corruption;
import io.netharness.payload.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Known packets: the classic RFC 1071 example header, and packets the kernel sent across a lab (its checksums). */
@Timeout(10)
class ChecksumsTest {
  /** A UDP datagram "msg-000001" from 10.77.0.1:50301 to 10.77.0.2:45466, checksum 0x0fe3. */
  private static final String UDP = "450000268f2c4000401196fe0a4d00010a4d0002c47db19a00120fe36d73672d303030303031";
  /** A TCP SYN with MSS, SACK, timestamps and window scale options, checksum 0xf971. */
  private static final String TCP_SYN = "4500003c0b03400040061b1d0a4d00010a4d0002a596a849c31d0a5b00000000a002faf0f9710000"
      + "020405b40402080aaa8e7916000000000103030a";
  /** A TCP segment with 11 bytes of data (an odd length, padded for the sum), checksum 0x295c. */
  private static final String TCP_DATA = "4500003f0b05400040061b180a4d00010a4d0002a596a849c31d0a5c2c8491ba8018003f295c0000"
      + "0101080aaa8e791805aac6566d73672d3030303030310a";
  /** The IPv4 header of the usual worked example (a UDP packet from 192.168.0.1 to 192.168.0.199), checksum 0xb861. */
  private static final String IP_HEADER = "450000730000400040110000c0a80001c0a800c7";

  @Test
  void theIpv4HeaderChecksumOfTheWorkedExampleIsB861() {
    byte[] header = Hex.parse(IP_HEADER);
    assertThat(Checksums.ipv4Header(header)).isEqualTo(0xb861);
  }

  @Test
  void theKernelsOwnPacketsCheckOut() {
    for (String hex : new String[] {UDP, TCP_SYN, TCP_DATA}) {
      byte[] packet = Hex.parse(hex);
      assertThat(Checksums.ipv4Header(packet)).as("IP header of %s", hex).isZero();
      assertThat(Checksums.transport(packet, packet.length)).as("transport of %s", hex).isZero();
    }
  }

  @Test
  void recomputingGivesBackTheKernelsChecksumsFromZeroedFields() {
    for (String hex : new String[] {UDP, TCP_SYN, TCP_DATA}) {
      byte[] packet = Hex.parse(hex);
      int ihl = (packet[0] & 0x0f) * 4;
      int transportChecksum = packet[9] == 6 ? ihl + 16 : ihl + 6;
      byte[] zeroed = packet.clone();
      zeroed[10] = 0;
      zeroed[11] = 0;
      zeroed[transportChecksum] = 0;
      zeroed[transportChecksum + 1] = 0;
      Checksums.recompute(zeroed, zeroed.length);
      assertThat(zeroed).as(hex).isEqualTo(packet);
    }
  }

  @Test
  void corruptionWithTheChecksumRecomputedChangesOnePayloadByteAndTheChecksumsStillCheckOut() {
    for (String hex : new String[] {UDP, TCP_DATA}) {
      byte[] original = Hex.parse(hex);
      for (double where = 0; where < 1; where += 0.05) {
        byte[] packet = original.clone();
        int at = Corruption.apply(packet, packet.length, where, ChecksumFix.RECOMPUTED);
        assertThat(at).isGreaterThanOrEqualTo(hex.equals(UDP) ? 28 : 52);
        assertThat(packet[at]).isEqualTo((byte) ~original[at]);
        assertThat(Checksums.ipv4Header(packet)).isZero();
        assertThat(Checksums.transport(packet, packet.length)).isZero();
      }
    }
  }

  @Test
  void corruptionLeftBrokenFailsTheTransportChecksum() {
    byte[] packet = Hex.parse(TCP_DATA);
    Corruption.apply(packet, packet.length, 0.3, ChecksumFix.LEFT_BROKEN);
    assertThat(Checksums.transport(packet, packet.length)).isNotZero();
  }

  @Test
  void withTheChecksumRecomputedASegmentWithoutDataAndAFragmentAreLeftAlone() {
    byte[] syn = Hex.parse(TCP_SYN);
    assertThat(Corruption.apply(syn, syn.length, 0.5, ChecksumFix.RECOMPUTED)).isEqualTo(-1);
    assertThat(syn).isEqualTo(Hex.parse(TCP_SYN));
    byte[] fragment = Hex.parse(UDP);
    fragment[6] = 0x20; // MF: the first fragment of a larger datagram
    assertThat(Corruption.apply(fragment, fragment.length, 0.5, ChecksumFix.RECOMPUTED)).isEqualTo(-1);
  }

  @Test
  void aUdpChecksumThatSumsToZeroIsSentAsAllOnes() {
    byte[] packet = Hex.parse(UDP);
    // make the payload's last word absorb the checksum so that the computed value is 0
    packet[26] = 0;
    packet[27] = 0;
    int sum = Checksums.transport(packet, packet.length); // what the field would hold
    int last = ((packet[36] & 0xff) << 8) | (packet[37] & 0xff);
    int adjusted = last + sum; // one's-complement add: the new sum becomes all ones, the checksum 0
    adjusted = (adjusted & 0xffff) + (adjusted >>> 16);
    packet[36] = (byte) (adjusted >>> 8);
    packet[37] = (byte) adjusted;
    Checksums.recompute(packet, packet.length);
    assertThat(((packet[26] & 0xff) << 8) | (packet[27] & 0xff)).isEqualTo(0xffff);
    assertThat(Checksums.transport(packet, packet.length)).isZero();
  }
}
