package io.netharness.bench.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checksummed streams through a proxy to an echo server: each connection sends bytes from a seeded
 * generator and checks every echoed byte against the same generator, so a lost, duplicated,
 * reordered or altered byte is counted where it happens.
 *
 * <pre>{@code
 * try (Streams s = Streams.open(proxy, 50, 7, 0)) { ...; s.stopSending(); s.awaitAllEchoed(Duration.ofSeconds(30)); }
 * }</pre>
 */
final class Streams implements AutoCloseable {
  private final List<Lane> lanes = new ArrayList<>();
  private final AtomicBoolean sending = new AtomicBoolean(true);
  final AtomicLong corrupted = new AtomicLong();
  final AtomicLong broken = new AtomicLong();

  private final long bytesPerSecond;

  private Streams(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Each connection sends at most {@code bytesPerSecond} (0: as fast as it can). */
  static Streams open(InetSocketAddress proxy, int connections, long seed, long bytesPerSecond) throws IOException {
    Streams s = new Streams(bytesPerSecond);
    for (int i = 0; i < connections; i++) {
      s.lanes.add(s.new Lane(proxy, seed * 1_000_003 + i));
    }
    return s;
  }

  void stopSending() {
    sending.set(false);
  }

  long sent() {
    return lanes.stream().mapToLong(l -> l.sent.get()).sum();
  }

  long echoed() {
    return lanes.stream().mapToLong(l -> l.echoed.get()).sum();
  }

  /** Waits until every lane got back what it sent (or broke); true if all did. */
  boolean awaitAllEchoed(java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Lane lane : lanes) {
      try {
        lane.writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    while (System.nanoTime() < deadline) {
      if (lanes.stream().allMatch(l -> l.done())) {
        return true;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
    }
    return false;
  }

  @Override
  public void close() {
    sending.set(false);
    for (Lane lane : lanes) {
      try {
        lane.socket.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  private final class Lane {
    final Socket socket = new Socket();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong echoed = new AtomicLong();
    final Thread writer;
    volatile boolean failed;

    Lane(InetSocketAddress proxy, long seed) throws IOException {
      socket.connect(proxy, 5000);
      socket.setTcpNoDelay(true);
      writer = new Thread(() -> write(seed), "stream-writer");
      Thread reader = new Thread(() -> read(seed), "stream-reader");
      writer.setDaemon(true);
      reader.setDaemon(true);
      writer.start();
      reader.start();
    }

    boolean done() {
      return failed || (!writer.isAlive() && echoed.get() == sent.get());
    }

    private void write(long seed) {
      SplittableRandom content = new SplittableRandom(seed);
      SplittableRandom sizes = new SplittableRandom(~seed);
      try {
        OutputStream out = socket.getOutputStream();
        long start = System.nanoTime();
        while (sending.get()) {
          long due = bytesPerSecond == 0 ? 0 : start + sent.get() * 1_000_000_000L / bytesPerSecond;
          if (due > System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            continue;
          }
          byte[] chunk = new byte[1 + sizes.nextInt(16 * 1024)];
          for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) content.nextInt(256);
          }
          out.write(chunk);
          sent.addAndGet(chunk.length);
        }
      } catch (IOException e) {
        fail();
      }
    }

    private void read(long seed) {
      SplittableRandom expected = new SplittableRandom(seed);
      byte[] buffer = new byte[64 * 1024];
      try {
        InputStream in = socket.getInputStream();
        for (int n; (n = in.read(buffer)) > 0; ) {
          for (int i = 0; i < n; i++) {
            if (buffer[i] != (byte) expected.nextInt(256)) {
              corrupted.incrementAndGet();
            }
          }
          echoed.addAndGet(n);
        }
      } catch (IOException e) {
        if (!socket.isClosed()) {
          fail();
        }
      }
    }

    private void fail() {
      if (!failed && !socket.isClosed()) {
        failed = true;
        broken.incrementAndGet();
      }
    }
  }
}
