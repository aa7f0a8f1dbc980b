package io.netharness.faults.internal;

import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.ProxyStats;
import io.netharness.proxy.toxics.Latency;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;

/**
 * Runs a throwaway proxy's data path on loopback before real traffic arrives, so a fresh process
 * does not serve its first connections from the interpreter. The proxy's per-chunk code runs once
 * per read; the JIT's optimising compiler (C2) takes it only after thousands of calls, and compiles
 * it for the branches and types it has seen: a branch it never saw (a connection being accepted,
 * closed, a toxic added on a live connection) throws the compiled code away when real traffic first
 * takes it, and the method runs profiled C1 code again for thousands of calls. So the warm-up opens
 * and closes connections all through, adds and removes a latency toxic on live connections, and at
 * the end waits for the compiler to go quiet. Measured on a fresh {@code netharness proxy} (see
 * docs/benchmarks.md): the first GiBs of a bulk transfer cost 20× the user CPU of the compiled path;
 * after a warm-up of 3,000 round trips on one connection, the first real round trips deoptimised
 * the hottest methods (`processReady`, `epollInReady`, `write`) and 150 idle round trips had p99
 * 1.7–2.8 ms.
 *
 * <pre>{@code
 * ProxyWarmUp.Result r = ProxyWarmUp.run(ProxyWarmUp.DEFAULT_ROUND_TRIPS);   // one to three seconds
 * }</pre>
 */
public final class ProxyWarmUp {
  /**
   * One-byte round trips: every per-read method is called more often than C2's invocation threshold
   * (5,000 under tiered compilation) with and without the toxic.
   */
  public static final int DEFAULT_ROUND_TRIPS = 16_000;

  /** Connections the round trips are spread over, each opened and closed in turn (accept, connect, close paths). */
  private static final int CONNECTIONS = 16;
  /** How long the compiler must have had nothing to do before the warm-up ends. */
  private static final Duration JIT_QUIET = Duration.ofMillis(150);
  /** The most the warm-up waits for it; on a busy machine the compiler may never be idle that long. */
  private static final Duration JIT_WAIT_AT_MOST = Duration.ofSeconds(2);

  private ProxyWarmUp() {}

  /**
   * What the warm-up did.
   *
   * @param took how long it ran, the wait for the compiler included
   * @param bytesRelayed bytes the throwaway proxy read, both directions together (one per round trip each way)
   */
  public record Result(Duration took, long bytesRelayed) {}

  /**
   * {@code roundTrips} one-byte echo round trips through a proxy on 127.0.0.1, spread over up to 16
   * connections opened one after another; on every other connection a 20 µs latency toxic downstream
   * is added after its first half of round trips (the timer path) and removed before it closes. Then
   * waits until the JIT has been idle for 150 ms (at most 2 s).
   *
   * @throws UncheckedIOException if loopback sockets cannot be opened (nothing is left behind)
   */
  public static Result run(int roundTrips) {
    long start = System.nanoTime();
    long relayed;
    try (TcpServer echo = TcpServer.builder().name("warm-up-echo").behavior(Behaviors.echo()).start();
        FaultProxy proxy = FaultProxy.builder().name("warm-up").upstream(echo.address()).seed(0).start()) {
      int connections = Math.max(1, Math.min(CONNECTIONS, roundTrips));
      for (int i = 0; i < connections; i++) {
        int trips = (int) ((long) roundTrips * (i + 1) / connections - (long) roundTrips * i / connections);
        oneConnection(proxy, trips, i % 2 == 1);
      }
      ProxyStats stats = proxy.stats();
      relayed = stats.bytesReceived(Direction.UPSTREAM) + stats.bytesReceived(Direction.DOWNSTREAM);
    } catch (IOException e) {
      throw new UncheckedIOException("warming up the proxy on loopback: " + e.getMessage(), e);
    }
    JitQuiet.await(JIT_QUIET, JIT_WAIT_AT_MOST);
    return new Result(Duration.ofNanos(System.nanoTime() - start), relayed);
  }

  private static void oneConnection(FaultProxy proxy, int trips, boolean throughLatency) throws IOException {
    try (Socket client = new Socket(proxy.address().getAddress(), proxy.address().getPort())) {
      client.setTcpNoDelay(true);
      client.setSoTimeout(5_000);
      if (!throughLatency) {
        roundTrips(client, trips);
        return;
      }
      roundTrips(client, trips / 2);
      proxy.add("warm-up-latency", Direction.DOWNSTREAM, 1.0, Latency.of(Duration.ofNanos(20_000)));
      roundTrips(client, trips - trips / 2);
      proxy.remove("warm-up-latency");
    }
  }

  private static void roundTrips(Socket client, int count) throws IOException {
    OutputStream out = client.getOutputStream();
    InputStream in = client.getInputStream();
    for (int i = 0; i < count; i++) {
      out.write('w');
      if (in.read() < 0) {
        throw new IOException("the warm-up echo closed early");
      }
    }
  }
}
