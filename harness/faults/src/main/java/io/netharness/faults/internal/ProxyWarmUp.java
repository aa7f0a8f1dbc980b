package io.netharness.faults.internal;

import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.ProxyStats;
import io.netharness.proxy.toxics.Latency;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a throwaway proxy's data path on loopback before real traffic arrives, so a fresh process
 * does not serve its first connections from the interpreter. The proxy's per-chunk code runs once
 * per read; the JIT's optimising compiler (C2) takes it only after thousands of calls, and compiles
 * it for the branches and types it has seen: a branch it never saw (a connection being accepted,
 * closed, a toxic added on a live connection) throws the compiled code away when real traffic first
 * takes it, and the method runs profiled C1 code again for thousands of calls. So the warm-up opens
 * and closes connections, runs a latency toxic's deadlines through the event loop's timers on
 * several connections at once, adds and removes it on live connections, does it all again on a
 * second throwaway proxy (closing the first deoptimises event-loop methods too), and at the end
 * waits for the compiler to go quiet. Measured on a fresh {@code netharness proxy} (see
 * docs/benchmarks.md): the first GiBs of a bulk transfer cost 20× the user CPU of the compiled path;
 * after a warm-up of 3,000 round trips on one connection, the first real round trips deoptimised
 * the hottest methods ({@code processReady}, {@code epollInReady}, {@code write}) and 150 idle round
 * trips had p99 1.7–3.0 ms; after this one, the first 150 round trips through a 100 ms latency toxic
 * had an error p99 of 0.35–0.80 ms in eleven fresh processes.
 *
 * <pre>{@code
 * ProxyWarmUp.Result r = ProxyWarmUp.run(ProxyWarmUp.DEFAULT_ROUND_TRIPS);   // about 4 s; at most 5 s of round trips + 2 s
 * }</pre>
 */
public final class ProxyWarmUp {
  /**
   * One-byte round trips: every per-read method is called more often than C2's invocation threshold
   * (5,000 under tiered compilation) with and without the toxic.
   */
  public static final int DEFAULT_ROUND_TRIPS = 16_000;

  /** Connections the plain half is spread over, each opened and closed in turn (accept, connect, close paths). */
  private static final int SEQUENTIAL_CONNECTIONS = 16;
  /** Connections the latency half runs over at once: a 1 ms toxic would take seconds one round trip at a time. */
  private static final int CONCURRENT_CONNECTIONS = 8;
  /** Above the precise timer's early wake-up (0.5 ms), so each deadline goes through the event loop's timer. */
  private static final Duration LATENCY = Duration.ofMillis(1);
  private static final String LATENCY_NAME = "warm-up-latency";
  /** Round trips stop being started after this; then the JIT wait (at most 2 s) and closing. */
  public static final Duration ROUND_TRIP_BUDGET = Duration.ofSeconds(5);
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
   * {@code roundTrips} one-byte echo round trips, three quarters through one throwaway proxy on
   * 127.0.0.1 and the rest through a second one: on each, the first half over up to 16 connections
   * opened and closed one after another, the second over up to 8 connections at once through a 1 ms
   * latency toxic downstream, added and removed while they are open (so that its deadlines go through
   * the event loop's timers, as a real latency's do). Then waits until the JIT has been idle for
   * 150 ms (at most 2 s).
   *
   * @throws UncheckedIOException if loopback sockets cannot be opened (nothing is left behind)
   */
  public static Result run(int roundTrips) {
    return run(roundTrips, ROUND_TRIP_BUDGET);
  }

  /**
   * As {@link #run(int)}, but stops starting round trips once {@code budget} has passed (a loaded
   * machine: the proxy is usable all along, its start-up line waits for this).
   */
  public static Result run(int roundTrips, Duration budget) {
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    // Twice: closing the throwaway proxy and its echo server deoptimises event-loop methods compiled
    // without that path (runAllTasks, the loop's run); the second pass has C2 compile them again with it.
    int second = roundTrips / 4;
    long relayed = pass(roundTrips - second, deadline);
    if (second > 0 && System.nanoTime() - deadline < 0) {
      relayed += pass(second, deadline);
    }
    JitQuiet.await(JIT_QUIET, JIT_WAIT_AT_MOST);
    return new Result(Duration.ofNanos(System.nanoTime() - start), relayed);
  }

  /** One throwaway proxy and echo server, {@code roundTrips} through them, closed again; returns the bytes relayed. */
  private static long pass(int roundTrips, long deadline) {
    try (TcpServer echo = TcpServer.builder().name("warm-up-echo").behavior(Behaviors.echo()).start();
        FaultProxy proxy = FaultProxy.builder().name("warm-up").upstream(echo.address()).seed(0).start()) {
      int plain = roundTrips / 2;
      int connections = Math.max(1, Math.min(SEQUENTIAL_CONNECTIONS, plain));
      for (int i = 0; i < connections; i++) {
        try (Socket client = connect(proxy)) {
          roundTrips(client, share(plain, i, connections), deadline);
        }
      }
      throughLatency(proxy, roundTrips - plain, deadline);
      ProxyStats stats = proxy.stats();
      return stats.bytesReceived(Direction.UPSTREAM) + stats.bytesReceived(Direction.DOWNSTREAM);
    } catch (IOException e) {
      throw new UncheckedIOException("warming up the proxy on loopback: " + e.getMessage(), e);
    }
  }

  private static void throughLatency(FaultProxy proxy, int roundTrips, long deadline) throws IOException {
    int connections = Math.max(1, Math.min(CONCURRENT_CONNECTIONS, roundTrips));
    List<Socket> clients = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(connections, r -> {
      Thread t = new Thread(r, "netharness-warm-up");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int i = 0; i < connections; i++) {
        clients.add(connect(proxy));
      }
      proxy.add(LATENCY_NAME, Direction.DOWNSTREAM, 1.0, Latency.of(LATENCY));
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        Socket client = clients.get(i);
        int trips = share(roundTrips, i, connections);
        runs.add(threads.submit(() -> {
          roundTrips(client, trips, deadline);
          return null;
        }));
      }
      for (Future<?> run : runs) {
        finish(run);
      }
      proxy.remove(LATENCY_NAME);
    } finally {
      threads.shutdownNow();
      for (Socket client : clients) {
        client.close();
      }
    }
  }

  private static void finish(Future<?> run) throws IOException {
    try {
      run.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("warm-up round trips failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while warming up", e);
    }
  }

  /** The {@code i}-th of {@code parts} near-equal shares of {@code total}. */
  private static int share(int total, int i, int parts) {
    return (int) ((long) total * (i + 1) / parts - (long) total * i / parts);
  }

  private static Socket connect(FaultProxy proxy) throws IOException {
    Socket client = new Socket(proxy.address().getAddress(), proxy.address().getPort());
    client.setTcpNoDelay(true);
    client.setSoTimeout(5_000);
    return client;
  }

  /** Up to {@code count} round trips; fewer once {@code deadline} has passed. */
  private static void roundTrips(Socket client, int count, long deadline) throws IOException {
    OutputStream out = client.getOutputStream();
    InputStream in = client.getInputStream();
    for (int i = 0; i < count && System.nanoTime() - deadline < 0; i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted while warming up");
      }
      out.write('w');
      if (in.read() < 0) {
        throw new IOException("the warm-up echo closed early");
      }
    }
  }
}
