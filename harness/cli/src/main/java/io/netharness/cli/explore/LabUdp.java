package io.netharness.cli.explore;

import io.netharness.lab.Direction;
import io.netharness.lab.Lab;
import io.netharness.lab.WireCounters;
import io.netharness.payload.NumberedMessages;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Both workloads over the kernel's UDP across the packet lab's wire ({@code explore --lab}): the sender on host
 * {@code a}, the echo or receiving peer on host {@code b}; the swept impairment sits on the way there (a to b),
 * as on the relay in {@link UdpWorkload} and {@link UdpFileTransfer}.
 */
final class LabUdp {
  private static final Duration POLL = Duration.ofMillis(20);
  /** Datagrams sent before waiting for the wire to read them, so no queue on the way overflows. */
  private static final int WINDOW = 64;
  private static final Duration WINDOW_WAIT = Duration.ofMillis(500);
  /** IPv4 payload per fragment at the lab's MTU of 1500: a datagram bigger than that crosses the wire in pieces. */
  private static final int FRAGMENT_BYTES = 1480;
  private static final int UDP_HEADER_BYTES = 8;

  private LabUdp() {}

  static PointResult messages(ExploreSettings settings, Workload.Messages workload, double value,
      @Nullable Path pcap) throws InterruptedException {
    NumberedMessages messages = NumberedMessages.ofSize(workload.messageBytes());
    Probe probe = new Probe(workload.count(), messages.size());
    AtomicBoolean running = new AtomicBoolean(true);
    Duration patience = settings.labPatience(value);
    try (LabPoint point = LabPoint.start(settings, value, Direction.A_TO_B, pcap)) {
      Lab lab = point.lab();
      try (UdpPeer echo = lab.b().call(() -> UdpPeer.bind("echo", lab.b().address(), 0));
          UdpPeer client = lab.a().call(() -> UdpPeer.bind("client", lab.a().address(), 0))) {
        Thread echoer = UdpWorkload.echoUntilStopped("explore-lab-udp-echo", echo, running);
        Thread receiver = UdpWorkload.receiveNumberedUntilStopped("explore-lab-udp-receiver", client, messages, probe,
            running);
        try {
          Pacer pacer = new Pacer(workload.interval());
          for (int i = 0; i < workload.count(); i++) {
            pacer.awaitSlot(i);
            probe.sent(i, System.nanoTime());
            client.sendTo(echo.address(), messages.bytes(i));
          }
          int packetsPerMessage = (messages.size() + UDP_HEADER_BYTES + FRAGMENT_BYTES - 1) / FRAGMENT_BYTES;
          point.awaitPackets(Direction.A_TO_B, (long) workload.count() * packetsPerMessage, patience);
          WireCounters out = lab.wire().counters(Direction.A_TO_B);
          // what the wire let through comes back (the echo path is not impaired), unless a kernel drops it
          probe.awaitArrivals((int) ((out.forwarded() + out.duplicated()) / packetsPerMessage), patience);
        } finally {
          running.set(false);
          echoer.join();
          receiver.join();
        }
      }
      return probe.result("UDP", value).withLab(point.counts());
    }
  }

  static PointResult file(ExploreSettings settings, TestFile file, double value, @Nullable Path pcap)
      throws InterruptedException {
    Probe probe = new Probe(file.chunks(), Workload.FileTransfer.CHUNK_BYTES, file.size());
    byte[] @Nullable [] chunks = new byte[file.chunks()][];
    AtomicBoolean running = new AtomicBoolean(true);
    Duration patience = settings.labPatience(value);
    try (LabPoint point = LabPoint.start(settings, value, Direction.A_TO_B, pcap)) {
      Lab lab = point.lab();
      try (UdpPeer sink = lab.b().call(() -> UdpPeer.bind("sink", lab.b().address(), 0));
          UdpPeer client = lab.a().call(() -> UdpPeer.bind("client", lab.a().address(), 0))) {
        Thread receiver = UdpWorkload.daemon("explore-lab-udp-file-receiver", () -> {
          while (running.get()) {
            RecordedDatagram d = sink.poll(POLL);
            if (d != null) {
              UdpFileTransfer.take(d.bytes(), chunks, probe);
            }
          }
        });
        try {
          long lostBeforeTheWire = 0;
          for (int i = 0; i < file.chunks(); i++) {
            probe.sent(i, System.nanoTime());
            client.sendTo(sink.address(), file.datagram(i));
            if ((i + 1) % WINDOW == 0 || i == file.chunks() - 1) {
              // let the wire take each window before the next, so what is lost is what the wire drops
              if (!point.awaitPackets(Direction.A_TO_B, i + 1 - lostBeforeTheWire, WINDOW_WAIT)) {
                lostBeforeTheWire = i + 1 - lab.wire().counters(Direction.A_TO_B).packets();
              }
            }
          }
          WireCounters out = lab.wire().counters(Direction.A_TO_B);
          probe.awaitArrivals((int) (out.forwarded() + out.duplicated()), patience);
        } finally {
          running.set(false);
          receiver.join();
        }
      }
      return probe.result("UDP", value, UdpFileTransfer.intact(chunks, file)).withLab(point.counts());
    }
  }
}
