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
 * per read; the JIT's optimising compiler takes it only after thousands of calls, and the first use
 * of a latency toxic loads its classes. Measured on a fresh {@code netharness proxy}: the first GiBs
 * of a bulk transfer cost 20× the user CPU of the compiled path (see docs/benchmarks.md).
 *
 * <pre>{@code
 * ProxyWarmUp.Result r = ProxyWarmUp.run(ProxyWarmUp.DEFAULT_ROUND_TRIPS);   // a few hundred ms
 * }</pre>
 */
public final class ProxyWarmUp {
  /** One-byte round trips: enough to load every class of the path and have C1 compile it (C2 follows under real traffic). */
  public static final int DEFAULT_ROUND_TRIPS = 3_000;

  private ProxyWarmUp() {}

  /**
   * What the warm-up did.
   *
   * @param took how long it ran
   * @param bytesRelayed bytes the throwaway proxy read, both directions together (one per round trip each way)
   */
  public record Result(Duration took, long bytesRelayed) {}

  /**
   * {@code roundTrips} one-byte echo round trips through a proxy on 127.0.0.1: the first half with no
   * toxic, the second with a 20 µs latency toxic downstream (the timer path).
   *
   * @throws UncheckedIOException if loopback sockets cannot be opened (nothing is left behind)
   */
  public static Result run(int roundTrips) {
    long start = System.nanoTime();
    try (TcpServer echo = TcpServer.builder().name("warm-up-echo").behavior(Behaviors.echo()).start();
        FaultProxy proxy = FaultProxy.builder().name("warm-up").upstream(echo.address()).seed(0).start();
        Socket client = new Socket(proxy.address().getAddress(), proxy.address().getPort())) {
      client.setTcpNoDelay(true);
      client.setSoTimeout(5_000);
      roundTrips(client, roundTrips / 2);
      proxy.add(Direction.DOWNSTREAM, Latency.of(Duration.ofNanos(20_000)));
      roundTrips(client, roundTrips - roundTrips / 2);
      ProxyStats stats = proxy.stats();
      long relayed = stats.bytesReceived(Direction.UPSTREAM) + stats.bytesReceived(Direction.DOWNSTREAM);
      return new Result(Duration.ofNanos(System.nanoTime() - start), relayed);
    } catch (IOException e) {
      throw new UncheckedIOException("warming up the proxy on loopback: " + e.getMessage(), e);
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
