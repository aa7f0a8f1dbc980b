package io.netharness.bench;

import io.netharness.impairment.Impairments;
import io.netharness.impairment.UdpDirection;
import io.netharness.impairment.UdpRelay;
import io.netharness.udp.UdpPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Datagrams per second through a {@link UdpRelay} with 20% loss upstream, beside the same
 * traffic sent directly. Two drivers: harness {@link UdpPeer}s (each send waits until the socket
 * took it) and plain JDK blocking {@link DatagramChannel}s, which can offer more than a relay
 * takes, so they show the relay's own ceiling. A case ends when its counter has not moved for
 * {@link #QUIET_MILLIS}; the rate is the count divided by the time to its last change.
 */
final class UdpRelayThroughput {
  static final double LOSS = 0.2;
  private static final long QUIET_MILLIS = 200;

  /**
   * One case: what was sent, how many reached the relay (= sent when direct), how many arrived,
   * and the rate of the measured counter (relay-handled when relayed, arrived when direct).
   */
  record Result(String name, long sent, long relayed, long arrived, double perSecond) {}

  private UdpRelayThroughput() {}

  static Result peerDirect(int count, int size) {
    try (UdpPeer receiver = UdpPeer.bind(); UdpPeer sender = UdpPeer.bind()) {
      byte[] payload = new byte[size];
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        sender.sendTo(receiver.address(), payload);
      }
      long[] at = quiet(receiver::receivedCount, start);
      return new Result("UdpPeer → UdpPeer, direct", count, count, at[0], at[0] * 1e9 / at[1]);
    }
  }

  static Result peerRelayed(int count, int size) {
    try (UdpPeer receiver = UdpPeer.bind();
         UdpRelay relay = UdpRelay.builder().target(receiver.address()).seed(1)
             .upstream(Impairments.loss(LOSS)).start();
         UdpPeer sender = UdpPeer.bind()) {
      byte[] payload = new byte[size];
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        sender.sendTo(relay.address(), payload);
      }
      long[] at = quiet(() -> relay.stats(UdpDirection.UPSTREAM).received(), start);
      quiet(receiver::receivedCount, start);
      return new Result("UdpPeer → relay (loss 0.2) → UdpPeer", count, at[0], receiver.receivedCount(),
          at[0] * 1e9 / at[1]);
    }
  }

  static Result plainDirect(int count, int size) {
    try (PlainReceiver receiver = new PlainReceiver()) {
      long start = System.nanoTime();
      plainSend(receiver.address(), count, size);
      long[] at = quiet(receiver.count::get, start);
      return new Result("plain → plain, direct", count, count, at[0], at[0] * 1e9 / at[1]);
    }
  }

  static Result plainRelayed(int count, int size) {
    try (PlainReceiver receiver = new PlainReceiver();
         UdpRelay relay = UdpRelay.builder().target(receiver.address()).seed(1)
             .upstream(Impairments.loss(LOSS)).start()) {
      long start = System.nanoTime();
      plainSend(relay.address(), count, size);
      long[] at = quiet(() -> relay.stats(UdpDirection.UPSTREAM).received(), start);
      quiet(receiver.count::get, start);
      return new Result("plain → relay (loss 0.2) → plain", count, at[0], receiver.count.get(), at[0] * 1e9 / at[1]);
    }
  }

  private static void plainSend(InetSocketAddress target, int count, int size) {
    try (DatagramChannel out = DatagramChannel.open()) {
      out.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
      out.bind(new InetSocketAddress("127.0.0.1", 0));
      ByteBuffer payload = ByteBuffer.allocateDirect(size);
      for (int i = 0; i < count; i++) {
        payload.clear();
        out.send(payload, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code counter} stops moving; returns {count, nanos from start to its last change}. */
  private static long[] quiet(LongSupplier counter, long start) {
    long last = counter.getAsLong();
    long changedAt = System.nanoTime();
    while (System.nanoTime() - changedAt < QUIET_MILLIS * 1_000_000L) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long now = counter.getAsLong();
      if (now != last) {
        last = now;
        changedAt = System.nanoTime();
      }
    }
    return new long[] {last, Math.max(1, changedAt - start)};
  }

  /** A blocking JDK socket on its own thread that counts what arrives. */
  private static final class PlainReceiver implements AutoCloseable {
    final AtomicLong count = new AtomicLong();
    private final DatagramChannel channel;
    private final Thread thread;

    PlainReceiver() {
      try {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      thread = new Thread(() -> {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        try {
          while (true) {
            buffer.clear();
            channel.receive(buffer);
            count.incrementAndGet();
          }
        } catch (IOException closed) {
          // close() ends the loop
        }
      }, "plain-udp-receiver");
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      try {
        return (InetSocketAddress) channel.getLocalAddress();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        channel.close();
        thread.join(1_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
