package io.netharness.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.ExpectationFailedException;
import io.netharness.lab.internal.Capture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The capture file format and its checks, on hand-made packets: runs everywhere, lab or not. */
@Timeout(10)
class LabCaptureFileTest {
  @TempDir Path dir;

  @Test
  void framesComeBackWithTheirDirectionIndexAndFate() {
    Path pcap = dir.resolve("made.pcap");
    try (Capture capture = new Capture(pcap)) {
      record(capture, Direction.A_TO_B, 1, tcp(40000, 7000, 100, 0, CapturedPacket.SYN, 0), "forwarded");
      record(capture, Direction.B_TO_A, 1, tcp(7000, 40000, 500, 101, CapturedPacket.SYN | CapturedPacket.ACK, 0), "forwarded");
      record(capture, Direction.A_TO_B, 2, tcp(40000, 7000, 101, 501, CapturedPacket.ACK, 0), "dropped");
      record(capture, Direction.A_TO_B, 3, tcp(40000, 7000, 101, 501, CapturedPacket.ACK | CapturedPacket.PSH, 5), "forwarded");
      record(capture, Direction.A_TO_B, 4, tcp(40000, 7000, 101, 501, CapturedPacket.ACK | CapturedPacket.PSH, 5), "duplicated");
    }
    LabCapture read = LabCapture.read(pcap);
    assertThat(read.packets()).hasSize(5);
    assertThat(read.packets().get(1).summary())
        .isEqualTo("2 b>a #1 10.77.0.2:7000 > 10.77.0.1:40000 TCP [SYN,ACK] seq=500 ack=101 win=512 len=0 forwarded");
    assertThat(read.packets().get(2).dropped()).isTrue();
    read.expectHandshakeBeforeData();
    assertThat(read.retransmissions()).extracting(CapturedPacket::frame).containsExactly(5);
  }

  @Test
  void dataBeforeTheHandshakeFailsShowingTheFrames() {
    Path pcap = dir.resolve("rude.pcap");
    try (Capture capture = new Capture(pcap)) {
      record(capture, Direction.A_TO_B, 1, tcp(40000, 7000, 100, 0, CapturedPacket.ACK | CapturedPacket.PSH, 5), "forwarded");
    }
    assertThatThrownBy(() -> LabCapture.read(pcap).expectHandshakeBeforeData())
        .isInstanceOf(ExpectationFailedException.class)
        .hasMessageContaining("expected SYN, SYN-ACK, ACK before the first data byte (frame 1)")
        .hasMessageContaining("1 a>b #1 10.77.0.1:40000 > 10.77.0.2:7000 TCP [PSH,ACK] seq=100 ack=0 win=512 len=5");
  }

  private static void record(Capture capture, Direction direction, long index, byte[] packet, String fate) {
    capture.record(direction, index, packet, packet.length, fate);
  }

  /** An IPv4 TCP segment with a 20-byte header and {@code payload} zero bytes; checksums are not filled in. */
  private static byte[] tcp(int from, int to, long seq, long ack, int flags, int payload) {
    byte[] p = new byte[40 + payload];
    p[0] = 0x45;
    p[2] = (byte) (p.length >> 8);
    p[3] = (byte) p.length;
    p[8] = 64;
    p[9] = 6;
    boolean fromA = from != 7000;
    byte[] a = {10, 77, 0, 1};
    byte[] b = {10, 77, 0, 2};
    System.arraycopy(fromA ? a : b, 0, p, 12, 4);
    System.arraycopy(fromA ? b : a, 0, p, 16, 4);
    put16(p, 20, from);
    put16(p, 22, to);
    put32(p, 24, seq);
    put32(p, 28, ack);
    p[32] = 0x50;
    p[33] = (byte) flags;
    put16(p, 34, 512);
    return p;
  }

  private static void put16(byte[] p, int at, int v) {
    p[at] = (byte) (v >> 8);
    p[at + 1] = (byte) v;
  }

  private static void put32(byte[] p, int at, long v) {
    put16(p, at, (int) (v >> 16));
    put16(p, at + 2, (int) v);
  }
}
