package io.netharness.bench;

import io.netharness.internal.Transports;
import java.time.LocalDate;

/**
 * Runs every benchmark once and prints a Markdown report: echo latency, bulk throughput and
 * concurrent connections, harness beside plain JDK sockets. Not part of the test suite; run it
 * with {@code bench/run.sh} (see docs/benchmarks.md). Knobs, as system properties:
 * {@code bench.bytes} (bulk transfer size, default 1 GiB), {@code bench.repeats} (default 3),
 * {@code bench.iterations} (round trips measured, default 50,000), {@code bench.warmup}
 * (round trips before measuring, default 20,000), {@code bench.clients}
 * (default 5,000), {@code bench.datagrams} (per UDP relay case, default 500,000),
 * {@code bench.proxyClients} (default 2,000), {@code bench.only} (latency, throughput, clients, udp or
 * proxy).
 */
public final class Bench {
  private static final int SMALL_CHUNK = 64 * 1024;
  private static final int BIG_CHUNK = 1 << 20;
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 20_000);

  private Bench() {}

  public static void main(String[] args) throws Exception {
    long bytes = Long.getLong("bench.bytes", 1L << 30);
    int repeats = Integer.getInteger("bench.repeats", 3);
    int iterations = Integer.getInteger("bench.iterations", 50_000);
    int clients = Integer.getInteger("bench.clients", 5_000);
    String only = System.getProperty("bench.only", "all");

    Runtime rt = Runtime.getRuntime();
    System.out.printf("# NetHarness bench, %s%n%n", LocalDate.now());
    System.out.printf("JVM %s (%s), %d cores, max heap %d MiB, transport %s, %s %s%n%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.availableProcessors(),
        rt.maxMemory() >> 20, Transports.name(), System.getProperty("os.name"), System.getProperty("os.arch"));

    if (only.equals("all") || only.equals("latency")) {
      latency(1, iterations);
      latency(64, iterations);
    }
    if (only.equals("all") || only.equals("throughput")) {
      throughput(bytes, repeats);
    }
    if (only.equals("all") || only.equals("clients")) {
      clients(clients);
    }
    if (only.equals("all") || only.equals("udp")) {
      udp(Integer.getInteger("bench.datagrams", 500_000), repeats);
    }
    if (only.equals("all") || only.equals("proxy")) {
      ProxyReport.run(bytes, repeats, WARM_UP, iterations, Integer.getInteger("bench.proxyClients", 2_000));
    }
  }

  private static void udp(int datagrams, int repeats) {
    int size = 64;
    // Warm-up: a tenth of the traffic through each case.
    UdpRelayThroughput.peerDirect(datagrams / 10, size);
    UdpRelayThroughput.peerRelayed(datagrams / 10, size);
    UdpRelayThroughput.plainDirect(datagrams / 10, size);
    UdpRelayThroughput.plainRelayed(datagrams / 10, size);
    System.out.printf("## UDP impairment relay, %,d datagrams of %d bytes per run, loss %.1f upstream, %d runs%n%n",
        datagrams, size, UdpRelayThroughput.LOSS, repeats);
    System.out.println("| case | sent | reached relay | arrived | datagrams/s |");
    System.out.println("|---|---|---|---|---|");
    for (int i = 0; i < repeats; i++) {
      udpRow(UdpRelayThroughput.peerDirect(datagrams, size));
      udpRow(UdpRelayThroughput.peerRelayed(datagrams, size));
      udpRow(UdpRelayThroughput.plainDirect(datagrams, size));
      udpRow(UdpRelayThroughput.plainRelayed(datagrams, size));
    }
    System.out.println();
    System.out.println("datagrams/s: handled by the relay (forwarded or dropped) when relayed, arrived when direct.");
    System.out.println();
  }

  private static void udpRow(UdpRelayThroughput.Result r) {
    System.out.printf("| %s | %,d | %,d | %,d | %,.0f |%n", r.name(), r.sent(), r.relayed(), r.arrived(),
        r.perSecond());
  }

  private static void latency(int size, int iterations) throws Exception {
    Latency.Result result = Latency.compare(size, WARM_UP, iterations);
    Stats plain = result.plain();
    Stats harness = result.harness();
    System.out.printf("## Echo round trip, %d byte%s, %,d iterations each after %,d warm-up, in alternating blocks of 1,000%n%n", size,
        size == 1 ? "" : "s", iterations, WARM_UP);
    System.out.println("| | p50 | p99 | p99.9 | max |");
    System.out.println("|---|---|---|---|---|");
    row("plain JDK sockets", plain);
    row("harness", harness);
    System.out.printf("%nharness/plain p50: %.2fx, p99: %.2fx%n%n", (double) harness.p50Nanos() / plain.p50Nanos(),
        (double) harness.p99Nanos() / plain.p99Nanos());
  }

  static void row(String name, Stats s) {
    System.out.printf("| %s | %s | %s | %s | %s |%n", name, Stats.micros(s.p50Nanos()), Stats.micros(s.p99Nanos()),
        Stats.micros(s.p999Nanos()), Stats.micros(s.maxNanos()));
  }

  private static void throughput(long bytes, int repeats) throws Exception {
    // One small run of each to warm up the JIT.
    long warm = Math.min(bytes, 64L << 20);
    Throughput.plainUpload(warm, SMALL_CHUNK);
    Throughput.harnessUpload(warm, SMALL_CHUNK);
    Throughput.plainDownload(warm);
    Throughput.harnessDownload(warm);
    double[] plainUp = new double[repeats];
    double[] harnessUp = new double[repeats];
    double[] plainBigUp = new double[repeats];
    double[] harnessBigUp = new double[repeats];
    double[] plainDown = new double[repeats];
    double[] harnessDown = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      plainUp[i] = Throughput.plainUpload(bytes, SMALL_CHUNK);
      harnessUp[i] = Throughput.harnessUpload(bytes, SMALL_CHUNK);
      plainBigUp[i] = Throughput.plainUpload(bytes, BIG_CHUNK);
      harnessBigUp[i] = Throughput.harnessUpload(bytes, BIG_CHUNK);
      plainDown[i] = Throughput.plainDownload(bytes);
      harnessDown[i] = Throughput.harnessDownload(bytes);
    }
    System.out.printf("## Bulk throughput, %,d bytes one way, median of %d runs (MB/s = 10^6 B/s)%n%n", bytes, repeats);
    System.out.println("| direction | plain JDK sockets | harness | harness/plain | runs (plain; harness) |");
    System.out.println("|---|---|---|---|---|");
    throughputRow("upload, 64 KiB per send: client sends, server collects", plainUp, harnessUp);
    throughputRow("upload, 1 MiB per send", plainBigUp, harnessBigUp);
    throughputRow("download, 64 KiB per receive: client receives from a plain server", plainDown, harnessDown);
    System.out.println();
  }

  private static void throughputRow(String name, double[] plain, double[] harness) {
    double p = Stats.median(plain);
    double h = Stats.median(harness);
    System.out.printf("| %s | %.0f MB/s | %.0f MB/s | %.0f%% | %s; %s |%n", name, p, h, 100 * h / p, list(plain),
        list(harness));
  }

  static String list(double[] values) {
    StringBuilder out = new StringBuilder();
    for (double v : values) {
      out.append(out.length() == 0 ? "" : " ").append(String.format("%.0f", v));
    }
    return out.toString();
  }

  private static void clients(int target) {
    Concurrency.Result r = Concurrency.run(target);
    System.out.printf("## Concurrent connections to one harness TcpServer (target %,d)%n%n", target);
    System.out.println("| opened | accepted | exchanged a byte | heap before | heap with all open (after GC) | per pair | direct buffers | time |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    long perPair = r.opened() == 0 ? 0 : (r.heapAfterBytes() - r.heapBeforeBytes()) / r.opened();
    System.out.printf("| %,d | %,d | %,d | %d MiB | %d MiB | %.1f KiB | %d MiB | %,d ms |%n", r.opened(), r.accepted(),
        r.exchanged(), r.heapBeforeBytes() >> 20, r.heapAfterBytes() >> 20, perPair / 1024.0, r.directBytes() >> 20,
        r.millis());
    System.out.printf("%nstopped: %s%n%n", r.stoppedBy());
  }
}
