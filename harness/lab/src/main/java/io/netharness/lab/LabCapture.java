package io.netharness.lab;

import io.netharness.ExpectationFailedException;
import io.netharness.lab.internal.Capture;
import io.netharness.lab.internal.PcapFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A lab capture read back: the pcap's packets with the fate the wire gave each (from the {@code .fates.txt}
 * file beside it), and the checks the tutorial's claims need: the handshake comes before the first data
 * byte, lost segments were sent again.
 *
 * <pre>{@code
 * LabCapture capture = LabCapture.read(lab.wire().pcap().orElseThrow());
 * capture.expectHandshakeBeforeData();
 * System.out.println(capture.retransmissions().size() + " segments sent again");
 * }</pre>
 */
public final class LabCapture {
  private final Path pcap;
  private final List<CapturedPacket> packets;

  private LabCapture(Path pcap, List<CapturedPacket> packets) {
    this.pcap = pcap;
    this.packets = List.copyOf(packets);
  }

  /** Reads {@code pcap} and the fate file beside it (frames without a fate line read as {@code unknown}). */
  public static LabCapture read(Path pcap) {
    List<PcapFile.Frame> frames = PcapFile.read(pcap);
    List<String[]> fates = new ArrayList<>();
    Path fateFile = Capture.fateFile(pcap);
    if (Files.exists(fateFile)) {
      try {
        for (String line : Files.readAllLines(fateFile)) {
          if (!line.startsWith("#") && !line.isBlank()) {
            fates.add(line.split(" ", 4));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + fateFile, e);
      }
    }
    List<CapturedPacket> packets = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      String[] fate = i < fates.size() && fates.get(i).length == 4 ? fates.get(i) : null;
      Direction direction = fate != null && fate[1].equals(Direction.B_TO_A.arrow()) ? Direction.B_TO_A : Direction.A_TO_B;
      long index = fate != null ? Long.parseLong(fate[2]) : i + 1;
      packets.add(new CapturedPacket(i + 1, direction, index, fate != null ? fate[3] : "unknown",
          frames.get(i).time(), frames.get(i).bytes()));
    }
    return new LabCapture(pcap, packets);
  }

  public Path pcap() {
    return pcap;
  }

  public List<CapturedPacket> packets() {
    return packets;
  }

  public List<CapturedPacket> packets(Predicate<CapturedPacket> which) {
    return packets.stream().filter(which).toList();
  }

  /**
   * TCP segments that carry data (or a SYN) whose direction and sequence number were seen before: what the
   * sender sent again. Duplicates the wire itself made are not in the capture (it records each packet once).
   */
  public List<CapturedPacket> retransmissions() {
    Set<String> seen = new HashSet<>();
    List<CapturedPacket> again = new ArrayList<>();
    for (CapturedPacket p : packets) {
      if (p.isTcp() && (p.payloadLength() > 0 || p.hasFlags(CapturedPacket.SYN))) {
        String key = p.direction() + " " + p.sourcePort() + " " + p.sequenceNumber() + " " + p.tcpFlags();
        if (!seen.add(key)) {
          again.add(p);
        }
      }
    }
    return again;
  }

  /**
   * Checks that every TCP connection in the capture began with SYN, SYN-ACK, ACK before its first data byte,
   * and fails with the capture's first lines when it did not.
   */
  public void expectHandshakeBeforeData() {
    List<CapturedPacket> tcp = packets(CapturedPacket::isTcp);
    CapturedPacket firstData = tcp.stream().filter(p -> p.payloadLength() > 0).findFirst()
        .orElseThrow(() -> failure("no TCP segment with data in the capture"));
    int syn = indexOf(tcp, p -> p.tcpFlags() == CapturedPacket.SYN, 0);
    int synAck = syn < 0 ? -1 : indexOf(tcp, p -> p.tcpFlags() == (CapturedPacket.SYN | CapturedPacket.ACK)
        && p.direction() != tcp.get(syn).direction(), syn + 1);
    int ack = synAck < 0 ? -1 : indexOf(tcp, p -> p.tcpFlags() == CapturedPacket.ACK && p.payloadLength() == 0
        && p.direction() == tcp.get(syn).direction(), synAck + 1);
    int data = tcp.indexOf(firstData);
    if (syn < 0 || synAck < 0 || ack < 0 || ack > data) {
      throw failure("expected SYN, SYN-ACK, ACK before the first data byte (frame " + firstData.frame() + ")");
    }
  }

  private static int indexOf(List<CapturedPacket> list, Predicate<CapturedPacket> which, int from) {
    for (int i = from; i < list.size(); i++) {
      if (which.test(list.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private ExpectationFailedException failure(String what) {
    return new ExpectationFailedException(what + " in " + pcap + "; its first frames:\n" + head(12));
  }

  /** The first {@code n} frames as summary lines. */
  public String head(int n) {
    return packets.stream().limit(n).map(CapturedPacket::summary).collect(Collectors.joining("\n"));
  }
}
