package io.netharness.bench;

import java.time.Duration;

/** Runs the {@link ProxyBench} and {@link ProxyClients} cases and prints them as Markdown, with their targets. */
final class ProxyReport {
  private static final Duration LATENCY = Duration.ofMillis(100);
  private static final int LATENCY_TRIPS = Integer.getInteger("bench.latencyTrips", 200);
  private static final Duration RATE_LENGTH = Duration.ofSeconds(5);
  private static final long[] RATES = {1_000, 10_000, 100_000};
  /**
   * The proxy's per-chunk code runs once per read of up to 256 KiB, so a few hundred MiB of bulk
   * traffic leave it to the interpreter and C1: C2 compiles a method after thousands of calls. Without
   * this warm-up the proxy was measured half-compiled against socat and the JDK relay, whose hot paths
   * are native (measured: a fresh proxy process needs about 6 GiB of 256 KiB reads before its user CPU
   * per GiB falls from 1.1 s to 0.05 s).
   */
  private static final int WARM_UP_TRIPS = Integer.getInteger("bench.proxyWarmUpTrips", 20_000);
  private static final long WARM_UP_BYTES = Long.getLong("bench.proxyWarmUpBytes", 1L << 30);

  private ProxyReport() {}

  /**
   * {@code bench.proxy} picks cases: all (default), or one of bulk, rtt, latency (which ends with fresh), fresh (a
   * latency toxic in a fresh {@code netharness proxy} process only), bandwidth, clients.
   */
  static void run(long bytes, int repeats, int warmUp, int iterations, int clients) throws Exception {
    String only = System.getProperty("bench.proxy", "all");
    if (only.equals("all") || only.equals("bulk")) {
      bulk(bytes, repeats);
    }
    if (only.equals("all") || only.equals("rtt")) {
      roundTrips(warmUp, iterations);
    }
    if (only.equals("all") || only.equals("latency")) {
      latency();
    }
    if (only.equals("fresh")) {
      freshCliLatency();
    }
    if (only.equals("all") || only.equals("bandwidth")) {
      bandwidth();
    }
    if (only.equals("all") || only.equals("clients")) {
      clients(clients);
    }
  }

  private static void bulk(long bytes, int repeats) throws Exception {
    long warm = Math.min(bytes, 64L << 20);
    boolean socat = ExternalRelay.socatAvailable();
    boolean splice = ExternalRelay.spliceAvailable();
    java.util.List<ProxyBench.Route> routes = new java.util.ArrayList<>(java.util.List.of(ProxyBench.Route.values()));
    if (!socat) {
      routes.remove(ProxyBench.Route.SOCAT);
    }
    if (!splice) {
      routes.remove(ProxyBench.Route.SPLICE_RELAY);
    }
    int n = ProxyBench.Route.values().length;
    long warmUpNanos = ProxyBench.warmProxyPath(WARM_UP_TRIPS, WARM_UP_BYTES);
    System.out.printf("(proxy path warmed up first: %,d echo round trips and %d MiB each way through a proxy, %.1f s)%n%n",
        WARM_UP_TRIPS, WARM_UP_BYTES >> 20, warmUpNanos / 1e9);
    for (ProxyBench.Route route : routes) {
      ProxyBench.upload(warm, route);
      ProxyBench.download(warm, route);
    }
    double[][] up = new double[n][repeats];
    double[][] down = new double[n][repeats];
    double[][] upCpu = new double[n][repeats];
    double[][] downCpu = new double[n][repeats];
    for (int i = 0; i < repeats; i++) {
      for (ProxyBench.Route route : routes) {
        ProxyBench.Run u = ProxyBench.upload(bytes, route);
        ProxyBench.Run d = ProxyBench.download(bytes, route);
        up[route.ordinal()][i] = u.megabytesPerSecond();
        down[route.ordinal()][i] = d.megabytesPerSecond();
        upCpu[route.ordinal()][i] = u.cpuSecondsPerGiB();
        downCpu[route.ordinal()][i] = d.cpuSecondsPerGiB();
      }
    }
    System.out.printf("## Embedded fault proxy: bulk, %,d bytes one way, plain sockets, no toxics, median of %d (MB/s)%n%n",
        bytes, repeats);
    System.out.println("Reference relays between the same sockets: the JDK relay (a thread per direction copying through a");
    System.out.println("64 KiB array), the splice relay (bench/src/main/c/splice_relay.c: splice(2) socket → pipe → socket, a");
    System.out.println("thread per direction, no copy into user space; " + (splice ? "built" : "NOT built: needs gcc, see bench/run.sh")
        + ") and socat -b 262144 (" + (socat ? "installed" : "NOT installed: apt-get install socat")
        + "). The target compares the proxy with the better of socat and the splice relay.");
    System.out.println();
    System.out.println("| direction | direct | proxy | JDK relay | splice relay | socat | proxy/direct | proxy/best of socat and splice | runs (direct; proxy; JDK; splice; socat) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    bulkRow("client → server (upstream)", up);
    bulkRow("server → client (downstream)", down);
    System.out.println();
    System.out.println("What each relay cost: its CPU time (user + system) per GiB moved, median. Unlike MB/s this does not");
    System.out.println("depend on what else the machine runs. Proxy: its event-loop threads; JDK relay: its copy threads;");
    System.out.println("socat and the splice relay: GNU time at their exit (– where not measured).");
    System.out.println();
    System.out.println("| direction | proxy | JDK relay | splice relay | socat | proxy/socat |");
    System.out.println("|---|---|---|---|---|---|");
    cpuRow("upstream", upCpu);
    cpuRow("downstream", downCpu);
    System.out.println();
  }

  private static void cpuRow(String name, double[][] cpu) {
    double p = Stats.median(cpu[ProxyBench.Route.PROXY.ordinal()]);
    double r = Stats.median(cpu[ProxyBench.Route.JDK_RELAY.ordinal()]);
    double s = Stats.median(cpu[ProxyBench.Route.SPLICE_RELAY.ordinal()]);
    double c = Stats.median(cpu[ProxyBench.Route.SOCAT.ordinal()]);
    System.out.printf("| %s | %s | %s | %s | %s | %s |%n", name, seconds(p), seconds(r), seconds(s), seconds(c),
        p > 0 && c > 0 ? String.format("%.2f×", p / c) : "–");
  }

  private static String seconds(double secondsPerGiB) {
    return secondsPerGiB > 0 ? String.format("%.2f s", secondsPerGiB) : "–";
  }

  private static void bulkRow(String name, double[][] runs) {
    double d = Stats.median(runs[ProxyBench.Route.DIRECT.ordinal()]);
    double p = Stats.median(runs[ProxyBench.Route.PROXY.ordinal()]);
    double r = Stats.median(runs[ProxyBench.Route.JDK_RELAY.ordinal()]);
    double s = Stats.median(runs[ProxyBench.Route.SPLICE_RELAY.ordinal()]);
    double c = Stats.median(runs[ProxyBench.Route.SOCAT.ordinal()]);
    double best = Math.max(s, c);
    String ratio = best > 0 ? String.format("%.2f× (target ≥ 0.9×: %s)", p / best, p / best >= 0.9 ? "met" : "missed") : "–";
    System.out.printf("| %s | %.0f | %.0f | %.0f | %s | %s | %.2f× | %s | %s; %s; %s; %s; %s |%n", name, d, p, r, orDash(s), orDash(c),
        p / d, ratio, Bench.list(runs[0]), Bench.list(runs[1]), Bench.list(runs[2]), Bench.list(runs[3]), Bench.list(runs[4]));
  }

  private static String orDash(double megabytesPerSecond) {
    return megabytesPerSecond > 0 ? String.format("%.0f", megabytesPerSecond) : "–";
  }

  private static void roundTrips(int warmUp, int iterations) throws Exception {
    ProxyBench.RelayRoundTrips r = ProxyBench.relayRoundTrips(warmUp, iterations, ExternalRelay.socatAvailable());
    System.out.printf("## Embedded fault proxy: echo round trip, 1 byte, plain sockets, no toxics, %,d each after %,d warm-up%n%n",
        iterations, warmUp);
    System.out.println("| | p50 | p99 | p99.9 | max |");
    System.out.println("|---|---|---|---|---|");
    Bench.row("direct", r.direct());
    Bench.row("through proxy", r.proxied());
    Bench.row("through the JDK relay", r.jdkRelay());
    if (r.socat() != null) {
      Bench.row("through socat", r.socat());
    }
    long addedP50 = r.proxied().p50Nanos() - r.direct().p50Nanos();
    long addedP99 = r.proxied().p99Nanos() - r.direct().p99Nanos();
    System.out.printf("%nadded by the proxy: p50 %s, p99 %s", Stats.micros(addedP50), Stats.micros(addedP99));
    if (r.socat() != null) {
      long socatP50 = r.socat().p50Nanos() - r.direct().p50Nanos();
      System.out.printf("; by socat: p50 %s, p99 %s (target: proxy ≤ socat at p50: %s)", Stats.micros(socatP50),
          Stats.micros(r.socat().p99Nanos() - r.direct().p99Nanos()), addedP50 <= socatP50 ? "met" : "missed");
    }
    System.out.printf("%n%n");
  }

  private static void latency() throws Exception {
    ProxyBench.LatencyErrors errors = ProxyBench.latencyError(LATENCY, LATENCY_TRIPS);
    Stats error = errors.endToEnd();
    System.out.printf("## Embedded fault proxy: latency toxic %d ms downstream, %d round trips of 1 byte%n%n",
        LATENCY.toMillis(), LATENCY_TRIPS);
    System.out.println("After the warm-up `netharness proxy` runs at start (ProxyWarmUp); with `-Dbench.proxy=latency` this is the");
    System.out.println("first thing a fresh process does, so the first round trips count.");
    System.out.println();
    System.out.println("| round trip minus latency | p50 | p99 | p99.9 | max |");
    System.out.println("|---|---|---|---|---|");
    Bench.row("error, end to end", error);
    Bench.row("error inside the proxy (read → released by the toxic)", errors.inProxy());
    System.out.printf("%ntarget p50 < 0.5 ms: %s; p99 < 1 ms: %s (end to end)%n", error.p50Nanos() < 500_000 ? "met" : "missed",
        error.p99Nanos() < 1_000_000 ? "met" : "missed");
    System.out.printf("inside the proxy: p50 < 0.5 ms: %s; p99 < 1 ms: %s%n%n",
        errors.inProxy().p50Nanos() < 500_000 ? "met" : "missed", errors.inProxy().p99Nanos() < 1_000_000 ? "met" : "missed");
    ProxyBench.RoundTrips idle = ProxyBench.afterIdle(LATENCY, LATENCY_TRIPS / 2, ExternalRelay.socatAvailable());
    System.out.printf("Baseline: the same round trip without a toxic, after %d ms idle, %d each%n%n", LATENCY.toMillis(),
        LATENCY_TRIPS / 2);
    System.out.println("| round trip after idle | p50 | p99 | p99.9 | max |");
    System.out.println("|---|---|---|---|---|");
    Bench.row("direct", idle.direct());
    Bench.row("through proxy, no toxic", idle.proxied());
    if (idle.socat() != null) {
      Bench.row("through socat", idle.socat());
    }
    System.out.printf("%nerror beyond the idle proxied round trip: p50 %s, p99 %s%n%n",
        Stats.micros(error.p50Nanos() - idle.proxied().p50Nanos()),
        Stats.micros(error.p99Nanos() - idle.proxied().p99Nanos()));
    freshCliLatency();
  }

  private static void freshCliLatency() throws Exception {
    int trips = LATENCY_TRIPS / 2;
    System.out.printf("## A fresh `netharness proxy` process: latency toxic %d ms downstream, its first %d round trips%n%n",
        LATENCY.toMillis(), trips);
    if (!CliProxy.available() || !NativeRoundTrips.available()) {
      System.out.printf("skipped: needs the CLI jar (%s) and the C client (%s); bench/run.sh builds both (gcc)%n%n",
          CliProxy.jar(), NativeRoundTrips.binary());
      return;
    }
    ProxyBench.FreshProxy fresh = ProxyBench.freshCliLatency(LATENCY, trips, ExternalRelay.socatAvailable());
    String warmUp = fresh.warmUpLine() == null ? "its warm-up skipped, see its output" : fresh.warmUpLine();
    System.out.println("The CLI jar in a child JVM, started as a user starts it (" + warmUp + "); client and");
    System.out.println("echo server in C (bench/src/main/c/idle_rtt.c), so only the proxy runs on a JVM. Then, as baselines, the");
    System.out.println("same client after the same idle time direct to that echo server and through socat.");
    System.out.println();
    System.out.println("| round trip | p50 | p99 | p99.9 | max |");
    System.out.println("|---|---|---|---|---|");
    Bench.row("through the fresh proxy, minus the latency", fresh.error());
    Bench.row("direct, after " + LATENCY.toMillis() + " ms idle", fresh.directAfterIdle());
    if (fresh.socatAfterIdle() != null) {
      Bench.row("through socat, after " + LATENCY.toMillis() + " ms idle", fresh.socatAfterIdle());
    }
    System.out.printf("%ntarget p50 < 0.5 ms: %s; p99 < 1 ms: %s (a fresh process, end to end)%n%n",
        fresh.error().p50Nanos() < 500_000 ? "met" : "missed", fresh.error().p99Nanos() < 1_000_000 ? "met" : "missed");
  }

  private static void bandwidth() throws Exception {
    System.out.printf("## Embedded fault proxy: bandwidth toxic upstream, %d s of data at each rate%n%n",
        RATE_LENGTH.toSeconds());
    System.out.println("| requested KB/s | bytes | seconds | achieved KB/s | achieved/requested | within 2% |");
    System.out.println("|---|---|---|---|---|---|");
    for (long rate : RATES) {
      ProxyBench.Rate r = ProxyBench.bandwidth(rate, RATE_LENGTH);
      double ratio = r.achievedKilobytesPerSecond() / rate;
      System.out.printf("| %,d | %,d | %.3f | %,.1f | %.4f | %s |%n", rate, r.bytes(), r.seconds(),
          r.achievedKilobytesPerSecond(), ratio, Math.abs(ratio - 1) <= 0.02 ? "met" : "missed");
    }
    System.out.println();
  }

  private static void clients(int target) throws Exception {
    ProxyClients.Result r = ProxyClients.run(target);
    System.out.printf("## Embedded fault proxy: %,d plain clients through one proxy to a NIO echo server%n%n", target);
    System.out.println("| opened | open in the proxy | exchanged a byte | heap before | heap with all open (after GC) | per client | time |");
    System.out.println("|---|---|---|---|---|---|---|");
    long perClient = r.opened() == 0 ? 0 : (r.heapAfterBytes() - r.heapBeforeBytes()) / r.opened();
    System.out.printf("| %,d | %,d | %,d | %d MiB | %d MiB | %.1f KiB | %,d ms |%n", r.opened(), r.proxiedAtOnce(),
        r.exchanged(), r.heapBeforeBytes() >> 20, r.heapAfterBytes() >> 20, perClient / 1024.0, r.millis());
    System.out.printf("%nstopped: %s%n%n", r.stoppedBy());
  }
}
