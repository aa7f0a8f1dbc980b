package io.netharness.bench;

import io.netharness.faults.internal.ProxyWarmUp;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.toxics.Toxics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link FaultProxy} between plain JDK sockets, beside the same sockets connected
 * directly. Plain blocking sockets on both ends, so the proxy is the only Netty code measured.
 *
 * <ul>
 *   <li>bulk: a client writes {@code bytes} in 64 KiB writes to a reading-and-discarding server
 *       (upload), or a server writes them to a reading client (download); the clock stops when
 *       the reader has seen the end.
 *   <li>round trip: 1 byte out and back through an echo thread, direct and proxied pairs measured
 *       in alternating blocks of 1,000.
 *   <li>latency toxic: the same round trip with {@code latency} downstream; the error is the round
 *       trip minus the configured latency.
 *   <li>bandwidth toxic: a client writes {@code rate × seconds} kilobytes through an upstream
 *       {@code bandwidth} toxic; the rate is the bytes over the time until the server read the last.
 * </ul>
 */
final class ProxyBench {
  private static final int CHUNK = PlainSockets.CHUNK;
  private static final int BLOCK = 1_000;

  private ProxyBench() {}

  static FaultProxy proxyTo(InetSocketAddress upstream) {
    return FaultProxy.builder().name("bench").upstream(upstream).seed(1).build().start();
  }

  // ---- bulk -----------------------------------------------------------------------------------

  /** How a bulk client reaches its server. */
  enum Route { DIRECT, PROXY, JDK_RELAY, SPLICE_RELAY, SOCAT }

  /**
   * One bulk run: its speed, and the CPU time the relay used per GiB it moved (user + system; -1 where
   * not measured). CPU per GiB does not depend on what else the machine runs, unlike MB/s.
   */
  record Run(double megabytesPerSecond, double cpuSecondsPerGiB) {}

  static Run upload(long bytes, Route route) throws Exception {
    byte[] chunk = new byte[CHUNK];
    try (PlainSockets.OneShotServer server = PlainSockets.discard(); Relay relay = Relay.start(route, server.address())) {
      long start;
      try (Socket socket = PlainSockets.connect(relay.address())) {
        OutputStream out = socket.getOutputStream();
        start = System.nanoTime();
        for (long left = bytes; left > 0; left -= CHUNK) {
          out.write(chunk, 0, (int) Math.min(CHUNK, left));
        }
      }
      server.join();
      double speed = megabytesPerSecond(bytes, System.nanoTime() - start);
      return new Run(speed, relay.cpuSecondsPerGiB(bytes));
    }
  }

  static Run download(long bytes, Route route) throws Exception {
    try (PlainSockets.OneShotServer server = PlainSockets.source(bytes);
        Relay relay = Relay.start(route, server.address());
        Socket socket = PlainSockets.connect(relay.address())) {
      InputStream in = socket.getInputStream();
      byte[] piece = new byte[CHUNK];
      long start = System.nanoTime();
      long got = 0;
      for (int n; (n = in.read(piece)) > 0; ) {
        got += n;
      }
      long elapsed = System.nanoTime() - start;
      if (got != bytes) {
        throw new IllegalStateException(route + " delivered " + got + " of " + bytes + " bytes");
      }
      socket.close();
      return new Run(megabytesPerSecond(got, elapsed), relay.cpuSecondsPerGiB(bytes));
    }
  }

  /**
   * What a bulk client connects to for a route (the server itself, or a relay in front of it) and how
   * the relay's CPU time is read: the proxy's event-loop threads and the JDK relay's copy threads from
   * the JVM, socat and the splice relay from GNU time at their exit.
   */
  private static final class Relay implements AutoCloseable {
    private final InetSocketAddress address;
    private final AutoCloseable resource;
    private final Route route;
    private final long cpuBefore;

    private Relay(Route route, InetSocketAddress address, AutoCloseable resource) {
      this.route = route;
      this.address = address;
      this.resource = resource;
      this.cpuBefore = jvmCpuNanos(route);
    }

    static Relay start(Route route, InetSocketAddress server) {
      return switch (route) {
        case DIRECT -> new Relay(route, server, () -> {});
        case PROXY -> {
          FaultProxy proxy = proxyTo(server);
          yield new Relay(route, proxy.address(), proxy);
        }
        case JDK_RELAY -> {
          PlainSockets.OneShotServer relay = PlainSockets.relay(server);
          yield new Relay(route, relay.address(), relay);
        }
        case SPLICE_RELAY -> {
          ExternalRelay splice = ExternalRelay.splice(server);
          yield new Relay(route, splice.address(), splice);
        }
        case SOCAT -> {
          ExternalRelay socat = ExternalRelay.socat(server);
          yield new Relay(route, socat.address(), socat);
        }
      };
    }

    InetSocketAddress address() {
      return address;
    }

    /** After the transfer: ends the relay and returns its CPU seconds per GiB moved, or -1. */
    double cpuSecondsPerGiB(long bytes) throws Exception {
      long nanos;
      if (resource instanceof ExternalRelay external) {
        nanos = external.closeAndCpuNanos();
      } else {
        resource.close();
        nanos = route == Route.DIRECT ? -1 : jvmCpuNanos(route) - cpuBefore;
      }
      return nanos < 0 ? -1 : nanos / 1e9 / (bytes / (double) (1L << 30));
    }

    /** CPU so far of the threads that relay for this route inside this JVM. */
    private static long jvmCpuNanos(Route route) {
      if (route == Route.JDK_RELAY) {
        return PlainSockets.RELAY_CPU_NANOS.sum();
      }
      if (route != Route.PROXY) {
        return 0;
      }
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long sum = 0;
      for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null && info.getThreadName().startsWith("netharness-")) {
          sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        }
      }
      return sum;
    }

    @Override
    public void close() throws Exception {
      resource.close(); // a second close (after cpuSecondsPerGiB) does nothing more
    }
  }

  /**
   * Runs the proxy's data path until C2 has compiled it: 1-byte echo round trips (one read and one
   * write per direction each), then {@code bytes} up and down. Returns how long it took.
   */
  static long warmProxyPath(int roundTrips, long bytes) throws Exception {
    long start = System.nanoTime();
    try (PlainSockets.OneShotServer server = PlainSockets.echo();
        FaultProxy proxy = proxyTo(server.address());
        Socket socket = PlainSockets.connect(proxy.address())) {
      measure(socket, new long[roundTrips], 0, roundTrips);
    }
    upload(bytes, Route.PROXY);
    download(bytes, Route.PROXY);
    return System.nanoTime() - start;
  }

  // ---- round trips ----------------------------------------------------------------------------

  record RoundTrips(Stats direct, Stats proxied, @Nullable Stats socat) {}

  /** Round trips direct, through the proxy, through socat (if installed) and through the JDK relay. */
  record RelayRoundTrips(Stats direct, Stats proxied, @Nullable Stats socat, Stats jdkRelay) {}

  static RoundTrips roundTrips(int warmUp, int iterations) throws Exception {
    RelayRoundTrips r = relayRoundTrips(warmUp, iterations, false);
    return new RoundTrips(r.direct(), r.proxied(), r.socat());
  }

  static RelayRoundTrips relayRoundTrips(int warmUp, int iterations, boolean withSocat) throws Exception {
    try (PlainSockets.OneShotServer directServer = PlainSockets.echo();
        PlainSockets.OneShotServer proxiedServer = PlainSockets.echo();
        PlainSockets.OneShotServer socatServer = PlainSockets.echo();
        PlainSockets.OneShotServer relayServer = PlainSockets.echo();
        FaultProxy proxy = proxyTo(proxiedServer.address());
        ExternalRelay socat = withSocat ? ExternalRelay.socat(socatServer.address()) : null;
        PlainSockets.OneShotServer relay = PlainSockets.relay(relayServer.address());
        Socket direct = PlainSockets.connect(directServer.address());
        Socket proxied = PlainSockets.connect(proxy.address());
        Socket viaSocat = socat == null ? null : PlainSockets.connect(socat.address());
        Socket viaRelay = PlainSockets.connect(relay.address())) {
      Socket[] sockets = viaSocat == null ? new Socket[] {direct, proxied, viaRelay} : new Socket[] {direct, proxied, viaRelay, viaSocat};
      long[][] nanos = new long[sockets.length][iterations];
      for (Socket s : sockets) {
        measure(s, new long[warmUp], 0, warmUp);
      }
      for (int from = 0; from < iterations; from += BLOCK) {
        int to = Math.min(iterations, from + BLOCK);
        for (int i = 0; i < sockets.length; i++) {
          measure(sockets[i], nanos[i], from, to);
        }
      }
      return new RelayRoundTrips(Stats.of(nanos[0]), Stats.of(nanos[1]), viaSocat == null ? null : Stats.of(nanos[3]),
          Stats.of(nanos[2]));
    }
  }

  /**
   * Round trips with a downstream latency toxic: the round trip minus {@code latency} (end to end),
   * and the toxic's own release error measured inside the proxy by a {@link ReleaseProbe}.
   */
  record LatencyErrors(Stats endToEnd, Stats inProxy) {}

  static LatencyErrors latencyError(Duration latency, int iterations) throws Exception {
    ProxyWarmUp.run(ProxyWarmUp.DEFAULT_ROUND_TRIPS); // what `netharness proxy` does before it says it is ready
    try (PlainSockets.OneShotServer server = PlainSockets.echo();
        FaultProxy proxy = proxyTo(server.address());
        Socket socket = PlainSockets.connect(proxy.address())) {
      measure(socket, new long[20], 0, 20); // warm the path without the toxic
      ReleaseProbe probe = new ReleaseProbe(latency);
      proxy.add("probe_before", Direction.DOWNSTREAM, 1.0, probe.before());
      proxy.add(Direction.DOWNSTREAM, Toxics.latency(latency));
      proxy.add("probe_after", Direction.DOWNSTREAM, 1.0, probe.after());
      long[] nanos = new long[iterations];
      measure(socket, nanos, 0, iterations);
      for (int i = 0; i < nanos.length; i++) {
        nanos[i] -= latency.toNanos();
      }
      return new LatencyErrors(Stats.of(nanos), Stats.of(probe.errorNanos()));
    }
  }

  /**
   * Round trips through a downstream latency toxic in a fresh {@code netharness proxy} process ({@link CliProxy}: the
   * CLI jar as users start it, its warm-up included): its first {@code iterations} round trips, from the C client of
   * {@link NativeRoundTrips} to its C echo server, then the same client after {@code latency} of idle direct to that
   * echo server and through socat (if installed), as baselines. Only the proxy runs on a JVM.
   */
  record FreshProxy(Stats error, Stats directAfterIdle, @Nullable Stats socatAfterIdle, @Nullable String warmUpLine) {}

  static FreshProxy freshCliLatency(Duration latency, int iterations, boolean withSocat) throws Exception {
    try (ExternalRelay echo = ExternalRelay.nativeEcho()) {
      long[] errorNanos;
      String warmUpLine;
      try (CliProxy proxy = CliProxy.start(echo.address(), List.of("latency:latency=" + latency.toMillis()))) {
        warmUpLine = proxy.warmUpLine();
        errorNanos = NativeRoundTrips.run(proxy.address(), iterations, Duration.ZERO); // the toxic is the idle time
      }
      for (int i = 0; i < errorNanos.length; i++) {
        errorNanos[i] -= latency.toNanos();
      }
      Stats direct = Stats.of(NativeRoundTrips.run(echo.address(), iterations, latency));
      Stats viaSocat = null;
      if (withSocat) {
        try (ExternalRelay socat = ExternalRelay.socat(echo.address())) {
          viaSocat = Stats.of(NativeRoundTrips.run(socat.address(), iterations, latency));
        }
      }
      return new FreshProxy(Stats.of(errorNanos), direct, viaSocat, warmUpLine);
    }
  }

  /**
   * The same 1-byte round trips without a toxic, each after {@code idle} of silence, direct, through the proxy and
   * (if installed) through socat, in turn: what waking idle threads costs, which a latency toxic also pays, and what
   * one more hop costs any relay.
   */
  static RoundTrips afterIdle(Duration idle, int iterations, boolean withSocat) throws Exception {
    try (PlainSockets.OneShotServer directServer = PlainSockets.echo();
        PlainSockets.OneShotServer proxiedServer = PlainSockets.echo();
        PlainSockets.OneShotServer socatServer = PlainSockets.echo();
        FaultProxy proxy = proxyTo(proxiedServer.address());
        ExternalRelay socat = withSocat ? ExternalRelay.socat(socatServer.address()) : null;
        Socket direct = PlainSockets.connect(directServer.address());
        Socket proxied = PlainSockets.connect(proxy.address());
        Socket viaSocat = socat == null ? null : PlainSockets.connect(socat.address())) {
      measure(direct, new long[20], 0, 20);
      measure(proxied, new long[20], 0, 20);
      long[] directNanos = new long[iterations];
      long[] proxiedNanos = new long[iterations];
      long[] socatNanos = new long[iterations];
      if (viaSocat != null) {
        measure(viaSocat, new long[20], 0, 20);
      }
      for (int i = 0; i < iterations; i++) {
        Thread.sleep(idle.toMillis());
        measure(direct, directNanos, i, i + 1);
        Thread.sleep(idle.toMillis());
        measure(proxied, proxiedNanos, i, i + 1);
        if (viaSocat != null) {
          Thread.sleep(idle.toMillis());
          measure(viaSocat, socatNanos, i, i + 1);
        }
      }
      return new RoundTrips(Stats.of(directNanos), Stats.of(proxiedNanos), viaSocat == null ? null : Stats.of(socatNanos));
    }
  }

  private static void measure(Socket socket, long[] nanos, int from, int to) throws IOException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    for (int i = from; i < to; i++) {
      long start = System.nanoTime();
      out.write('x');
      if (in.read() < 0) {
        throw new IllegalStateException("echo server closed early");
      }
      nanos[i] = System.nanoTime() - start;
    }
  }

  // ---- bandwidth toxic ------------------------------------------------------------------------

  record Rate(long requestedKilobytesPerSecond, long bytes, double seconds) {
    double achievedKilobytesPerSecond() {
      return bytes / seconds / 1000;
    }
  }

  static Rate bandwidth(long kilobytesPerSecond, Duration length) throws Exception {
    long bytes = kilobytesPerSecond * 1000 * length.toMillis() / 1000;
    byte[] chunk = new byte[CHUNK];
    Arrays.fill(chunk, (byte) 'b');
    try (PlainSockets.OneShotServer server = PlainSockets.discard();
        FaultProxy proxy = proxyTo(server.address())) {
      proxy.add(Direction.UPSTREAM, Toxics.bandwidth(kilobytesPerSecond));
      long start;
      try (Socket socket = PlainSockets.connect(proxy.address())) {
        OutputStream out = socket.getOutputStream();
        start = System.nanoTime();
        for (long left = bytes; left > 0; left -= CHUNK) {
          out.write(chunk, 0, (int) Math.min(CHUNK, left));
        }
      }
      server.join();
      return new Rate(kilobytesPerSecond, bytes, (System.nanoTime() - start) / 1e9);
    }
  }

  private static double megabytesPerSecond(long bytes, long nanos) {
    return bytes / (nanos / 1e9) / 1e6;
  }
}
