package io.netharness.cli.explore;

import io.netharness.payload.NumberedMessages;
import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The messages workload over TCP: N numbered lines from a client, through a {@link FaultProxy}, to
 * an echo server and back; the swept toxic sits on the way back (downstream). Latency is the
 * round trip of each line.
 */
final class TcpWorkload {
  private TcpWorkload() {}

  static PointResult run(ExploreSettings settings, Workload.Messages workload, double value)
      throws InterruptedException {
    NumberedMessages messages = NumberedMessages.ofSize(workload.messageBytes());
    Probe probe = new Probe(workload.count(), messages.size());
    Duration patience = settings.patience(value);
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        FaultProxy proxy = FaultProxy.builder().name("explore").upstream(server.address()).seed(settings.seed())
            .build().start()) {
      settings.sweep().toxic(value).ifPresent(toxic -> proxy.add(Direction.DOWNSTREAM, toxic));
      try (TcpClient client = TcpClient.connect(proxy.address())) {
        exchange(client, probe, messages, workload, patience);
      }
    }
    return probe.result("TCP", value);
  }

  /** Sends the numbered lines, paced, while a receiver thread takes their echoes; closes the client at the end. */
  static void exchange(TcpClient client, Probe probe, NumberedMessages messages, Workload.Messages workload,
      Duration patience) throws InterruptedException {
    Thread receiver = new Thread(() -> receive(client, probe, messages, workload.count(), patience),
        "explore-tcp-receiver");
    receiver.setDaemon(true);
    receiver.start();
    Pacer pacer = new Pacer(workload.interval());
    for (int i = 0; i < workload.count(); i++) {
      pacer.awaitSlot(i);
      probe.sent(i, System.nanoTime());
      client.sendText(messages.text(i), StandardCharsets.US_ASCII);
    }
    receiver.join(patience.toMillis() * 2);
    client.close();
    receiver.join();
  }

  private static void receive(TcpClient client, Probe probe, NumberedMessages messages, int count, Duration patience) {
    try {
      while (probe.arrivals() < count) {
        int seq = messages.number(client.receiveLine(StandardCharsets.US_ASCII, patience));
        if (seq < 0) {
          probe.garbled();
        } else {
          probe.arrived(seq, System.nanoTime());
        }
      }
    } catch (HarnessException e) {
      // Nothing more within the patience, or the connection ended: what arrived is the result.
    }
  }
}
