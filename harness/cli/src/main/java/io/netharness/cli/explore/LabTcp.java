package io.netharness.cli.explore;

import io.netharness.client.TcpClient;
import io.netharness.lab.Direction;
import io.netharness.lab.Lab;
import io.netharness.payload.NumberedMessages;
import io.netharness.server.Behavior;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Both workloads over the kernel's TCP across the packet lab's wire ({@code explore --lab}): the client on host
 * {@code a}, the echo or receiving server on host {@code b}. The swept impairment sits where the proxy's toxic
 * sits in {@link TcpWorkload} and {@link TcpFileTransfer}: on the echo path (b to a) for messages, on the way to
 * the receiver (a to b) for the file. A lost segment is the kernel's to retransmit, on its own timers.
 */
final class LabTcp {
  private LabTcp() {}

  static PointResult messages(ExploreSettings settings, Workload.Messages workload, double value,
      @Nullable Path pcap) throws InterruptedException {
    NumberedMessages messages = NumberedMessages.ofSize(workload.messageBytes());
    Probe probe = new Probe(workload.count(), messages.size());
    Duration patience = settings.labPatience(value);
    try (LabPoint point = LabPoint.start(settings, value, Direction.B_TO_A, pcap)) {
      Lab lab = point.lab();
      try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address())
          .behavior(Behaviors.echo()).build().start());
          TcpClient client = lab.a().call(() -> TcpClient.builder()
              .address(lab.b().address(), server.address().getPort()).connect())) {
        TcpWorkload.exchange(client, probe, messages, workload, patience); // closes the client too, at its end
      }
      return probe.result("TCP", value).withLab(point.counts());
    }
  }

  static PointResult file(ExploreSettings settings, TestFile file, double value, @Nullable Path pcap)
      throws InterruptedException {
    Probe probe = new Probe(file.chunks(), Workload.FileTransfer.CHUNK_BYTES, file.size());
    Duration patience = settings.labPatience(value);
    TcpFileTransfer.Receiver receiver = new TcpFileTransfer.Receiver(probe, file.size());
    try (LabPoint point = LabPoint.start(settings, value, Direction.A_TO_B, pcap)) {
      Lab lab = point.lab();
      try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address())
          .behavior((Behavior) receiver).build().start());
          TcpClient client = lab.a().call(() -> TcpClient.builder()
              .address(lab.b().address(), server.address().getPort()).sendTimeout(patience).connect())) {
        TcpFileTransfer.send(client, file, probe, patience);
      }
      return probe.result("TCP", value, receiver.sha256().equals(file.sha256())).withLab(point.counts());
    }
  }
}
