package io.netharness.bench;

import io.netharness.lab.Direction;
import io.netharness.lab.Lab;
import io.netharness.lab.WireCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packet lab's costs (Linux, root): set-up and teardown of a two-host lab, packets per second the wire
 * relays (a UDP flood of small datagrams from host a to host b), and a TCP bulk transfer with plain JDK sockets
 * across the wire next to the same transfer on the JVM's own loopback. Prints Markdown. Run with bench/lab.sh.
 * Knobs: {@code bench.cycles} (set-ups, default 50), {@code bench.seconds} (flood length, default 3),
 * {@code bench.bytes} (bulk size, default 256 MiB), {@code bench.repeats} (bulk runs, median, default 3),
 * {@code bench.only} (setup, flood or bulk).
 */
public final class LabBench {
  private LabBench() {}

  public static void main(String[] args) throws Exception {
    int cycles = Integer.getInteger("bench.cycles", 50);
    int seconds = Integer.getInteger("bench.seconds", 3);
    long bytes = Long.getLong("bench.bytes", 256L << 20);
    int repeats = Integer.getInteger("bench.repeats", 3);
    Lab.unavailableReason().ifPresent(reason -> {
      System.err.println("packet lab unavailable: " + reason);
      System.exit(2);
    });
    System.out.printf(Locale.ROOT, "Java %s, %d cores, %s %s%n%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"));
    String only = System.getProperty("bench.only", "all");
    if (only.equals("all") || only.equals("setup")) {
      setUp(cycles);
    }
    if (only.equals("all") || only.equals("flood")) {
      flood(seconds, 64);
      flood(seconds, 1400);
    }
    if (only.equals("all") || only.equals("bulk")) {
      bulk(bytes, repeats);
    }
  }

  private static void setUp(int cycles) {
    for (int i = 0; i < 5; i++) {
      Lab.start().close();
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < cycles; i++) {
      long start = System.nanoTime();
      Lab.start().close();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    System.out.println("| lab set-up + teardown | p50 | p90 | max |");
    System.out.println("|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| %d cycles | %.1f ms | %.1f ms | %.1f ms |%n%n", cycles,
        millis.get(cycles / 2), millis.get(cycles * 9 / 10), millis.get(cycles - 1));
  }

  /** Host a sends datagrams as fast as one thread can; the rate is what the wire read from a's device. */
  private static void flood(int seconds, int size) throws Exception {
    try (Lab lab = Lab.start()) {
      DatagramChannel receiver = lab.b().call(() -> DatagramChannel.open().bind(new InetSocketAddress(lab.b().address(), 9000)));
      DatagramChannel sender = lab.a().call(() -> DatagramChannel.open().bind(new InetSocketAddress(lab.a().address(), 0)));
      AtomicLong received = new AtomicLong();
      Thread drain = new Thread(() -> {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
          while (true) {
            buffer.clear();
            receiver.receive(buffer);
            received.incrementAndGet();
          }
        } catch (IOException closed) {
          // the benchmark closed the channel
        }
      });
      drain.start();
      ByteBuffer payload = ByteBuffer.allocate(size);
      InetSocketAddress target = new InetSocketAddress(lab.b().address(), 9000);
      long sent = 0;
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      WireCounters before = lab.wire().counters(Direction.A_TO_B);
      long wireCpuBefore = wireCpuNanos();
      while (System.nanoTime() < end) {
        payload.clear();
        sender.send(payload, target);
        sent++;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      WireCounters after = lab.wire().counters(Direction.A_TO_B);
      double wireCpu = (wireCpuNanos() - wireCpuBefore) / 1e9;
      sender.close();
      receiver.close();
      drain.join();
      long relayed = after.packets() - before.packets();
      System.out.println("| UDP flood a → b, " + size + " B | sent | relayed by the wire | received | relayed/s"
          + " | wire a>b CPU | relayed per CPU-second |");
      System.out.println("|---|---|---|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| %d s | %,d | %,d | %,d | %,.0f | %.2f s | %,.0f |%n%n", seconds, sent, relayed,
          received.get(), relayed / elapsed, wireCpu, relayed / wireCpu);
    }
  }

  /** CPU time of the wire's a>b thread: what relaying cost, whatever else the machine was doing. */
  private static long wireCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("netharness-wire-a>b"))
        .mapToLong(t -> threads.getThreadCpuTime(t.getId()))
        .sum();
  }

  private static void bulk(long bytes, int repeats) throws Exception {
    List<Double> wire = new ArrayList<>();
    List<Double> loopback = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      try (Lab lab = Lab.start()) {
        wire.add(transfer(bytes, lab.b().call(() -> ServerSocketChannel.open()
            .bind(new InetSocketAddress(lab.b().address(), 0))), server -> lab.a().call(() -> SocketChannel.open(server))));
      }
      loopback.add(transfer(bytes, ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)),
          SocketChannel::open));
    }
    Collections.sort(wire);
    Collections.sort(loopback);
    System.out.printf(Locale.ROOT, "| TCP bulk, %d MiB, plain sockets | median Gbit/s | runs |%n", bytes >> 20);
    System.out.println("|---|---|---|");
    System.out.printf(Locale.ROOT, "| across the lab wire (MTU 1500) | %.2f | %s |%n", wire.get(repeats / 2), format(wire));
    System.out.printf(Locale.ROOT, "| JVM loopback (MTU 65536) | %.2f | %s |%n", loopback.get(repeats / 2), format(loopback));
  }

  private interface Connector {
    SocketChannel connect(InetSocketAddress server) throws Exception;
  }

  /** Gbit/s of one transfer: a writer of 1 MiB buffers, a reader that counts and discards. */
  private static double transfer(long bytes, ServerSocketChannel listener, Connector connector) throws Exception {
    try (listener) {
      AtomicLong counted = new AtomicLong();
      Thread reader = new Thread(() -> {
        try (SocketChannel in = listener.accept()) {
          ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
          long n = 0;
          while (n < bytes) {
            buffer.clear();
            int r = in.read(buffer);
            if (r < 0) {
              break;
            }
            n += r;
          }
          counted.set(n);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      reader.start();
      try (SocketChannel out = connector.connect((InetSocketAddress) listener.getLocalAddress())) {
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        long start = System.nanoTime();
        for (long sent = 0; sent < bytes; sent += chunk.capacity()) {
          chunk.clear();
          while (chunk.hasRemaining()) {
            out.write(chunk);
          }
        }
        reader.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (counted.get() < bytes) {
          throw new IllegalStateException("only " + counted.get() + " of " + bytes + " bytes arrived");
        }
        return bytes * 8 / seconds / 1e9;
      }
    }
  }

  private static String format(List<Double> runs) {
    return String.join(", ", runs.stream().map(g -> String.format(Locale.ROOT, "%.2f", g)).toList());
  }
}
