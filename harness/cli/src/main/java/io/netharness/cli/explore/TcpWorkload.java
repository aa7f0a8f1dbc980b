package io.netharness.cli.explore;

import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * N numbered lines from a client, through a {@link FaultProxy}, to an echo server and back; the
 * swept toxic sits on the way back (downstream). Latency is the round trip of each line.
 */
final class TcpWorkload {
  private TcpWorkload() {}

  static PointResult run(ExploreSettings settings, double value) throws InterruptedException {
    Probe probe = new Probe(settings.messages(), Messages.BYTES);
    Duration patience = patience(settings, value);
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
        FaultProxy proxy = FaultProxy.builder().name("explore").upstream(server.address()).seed(settings.seed())
            .build().start()) {
      settings.sweep().toxic(value).ifPresent(toxic -> proxy.add(Direction.DOWNSTREAM, toxic));
      try (TcpClient client = TcpClient.connect(proxy.address())) {
        Thread receiver = new Thread(() -> receive(client, probe, settings.messages(), patience), "explore-tcp-receiver");
        receiver.setDaemon(true);
        receiver.start();
        Pacer pacer = new Pacer(settings.interval());
        for (int i = 0; i < settings.messages(); i++) {
          pacer.awaitSlot(i);
          probe.sent(i, System.nanoTime());
          client.sendText(Messages.text(i), StandardCharsets.US_ASCII);
        }
        receiver.join(patience.toMillis() * 2);
        client.close();
        receiver.join();
      }
    }
    return probe.result("TCP", value);
  }

  private static void receive(TcpClient client, Probe probe, int messages, Duration patience) {
    try {
      while (probe.arrivals() < messages) {
        String line = client.receiveLine(StandardCharsets.US_ASCII, patience);
        probe.arrived(Messages.number(line), System.nanoTime());
      }
    } catch (HarnessException e) {
      // Nothing more within the patience, or the connection ended: what arrived is the result.
    }
  }

  /** How long to wait for the next line: generous, since loss stalls the stream for retransmits. */
  static Duration patience(ExploreSettings settings, double value) {
    Duration extra = settings.sweep() == Sweep.LATENCY ? Sweep.millis(value) : Duration.ZERO;
    return Duration.ofSeconds(5).plus(extra);
  }
}
