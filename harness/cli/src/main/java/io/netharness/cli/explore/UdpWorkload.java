package io.netharness.cli.explore;

import io.netharness.payload.NumberedMessages;
import io.netharness.HarnessException;
import io.netharness.impairment.UdpDirection;
import io.netharness.impairment.UdpRelay;
import io.netharness.impairment.UdpRelayStats;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The messages workload over UDP: N numbered datagrams from a client, through a {@link UdpRelay}, to an echo peer and back; the
 * swept impairment sits on the way out (upstream). Latency is the round trip of each datagram.
 */
final class UdpWorkload {
  private static final Duration POLL = Duration.ofMillis(20);

  private UdpWorkload() {}

  static PointResult run(ExploreSettings settings, Workload.Messages workload, double value)
      throws InterruptedException {
    NumberedMessages messages = NumberedMessages.ofSize(workload.messageBytes());
    Probe probe = new Probe(workload.count(), messages.size());
    AtomicBoolean running = new AtomicBoolean(true);
    Duration patience = settings.patience(value);
    UdpRelay.Builder builder = UdpRelay.builder().seed(settings.seed());
    try (UdpPeer echo = UdpPeer.bind(); UdpPeer client = UdpPeer.bind()) {
      settings.sweep().impairment(value).ifPresent(builder::upstream);
      try (UdpRelay relay = builder.target(echo.address()).start()) {
        Thread echoer = echoUntilStopped("explore-udp-echo", echo, running);
        Thread receiver = receiveNumberedUntilStopped("explore-udp-receiver", client, messages, probe, running);
        try {
          Pacer pacer = new Pacer(workload.interval());
          for (int i = 0; i < workload.count(); i++) {
            pacer.awaitSlot(i);
            probe.sent(i, System.nanoTime());
            client.sendTo(relay.address(), messages.bytes(i));
          }
          try {
            relay.awaitReceived(UdpDirection.UPSTREAM, workload.count(), patience);
          } catch (HarnessException e) {
            // The kernel dropped datagrams before the relay could read them: UDP does that, it is part of the result.
          }
          relay.awaitSettled(patience); // delayed ones still on their way are counted below
          UdpRelayStats up = relay.stats(UdpDirection.UPSTREAM);
          // Everything the relay let through comes back (the echo path is not impaired), unless the kernel drops it.
          probe.awaitArrivals((int) (up.forwarded() + up.duplicated()), patience);
        } finally {
          running.set(false);
          echoer.join();
          receiver.join();
        }
      }
    }
    return probe.result("UDP", value);
  }

  /** A daemon thread that sends every datagram {@code echo} receives back to its sender, until {@code running} is false. */
  static Thread echoUntilStopped(String name, UdpPeer echo, AtomicBoolean running) {
    return daemon(name, () -> {
      while (running.get()) {
        RecordedDatagram d = echo.poll(POLL);
        if (d != null) {
          echo.sendTo(d.sender(), d.bytes());
        }
      }
    });
  }

  /** A daemon thread that tells {@code probe} which numbered message each datagram {@code client} receives is. */
  static Thread receiveNumberedUntilStopped(String name, UdpPeer client, NumberedMessages messages, Probe probe,
      AtomicBoolean running) {
    return daemon(name, () -> {
      while (running.get()) {
        RecordedDatagram d = client.poll(POLL);
        if (d != null) {
          int seq = messages.number(new String(d.bytes(), StandardCharsets.US_ASCII));
          if (seq < 0) {
            probe.garbled();
          } else {
            probe.arrived(seq, System.nanoTime());
          }
        }
      }
    });
  }

  static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
