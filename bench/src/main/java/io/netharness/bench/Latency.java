package io.netharness.bench;

import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/**
 * Echo round trips: send {@code size} bytes, wait until all of them came back. The harness pair
 * is a {@link TcpServer} with {@link Behaviors#echo()} and a {@link TcpClient} doing
 * {@code send} then {@code receiveBytes}; the baseline is a blocking {@link Socket} against a
 * one-thread-per-connection echo server. Both pairs stay connected for the whole run and are
 * measured in alternating blocks, so a noisy neighbour on a shared machine hurts both alike.
 */
final class Latency {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int BLOCK = 1_000;

  private Latency() {}

  record Result(Stats plain, Stats harness) {}

  @FunctionalInterface
  private interface RoundTrip {
    void once() throws IOException;
  }

  static Result compare(int size, int warmUp, int iterations) throws Exception {
    byte[] message = new byte[size];
    Arrays.fill(message, (byte) 'x');
    byte[] reply = new byte[size];
    try (PlainSockets.OneShotServer plainServer = PlainSockets.echo();
        Socket socket = PlainSockets.connect(plainServer.address());
        TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).name("echo").build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      RoundTrip plain = () -> {
        out.write(message);
        if (in.readNBytes(reply, 0, size) != size) {
          throw new IllegalStateException("echo server closed early");
        }
      };
      RoundTrip harness = () -> {
        client.send(message);
        client.receiveBytes(size, WAIT);
      };
      long[] plainNanos = new long[iterations];
      long[] harnessNanos = new long[iterations];
      measure(plain, new long[warmUp], 0, warmUp);
      measure(harness, new long[warmUp], 0, warmUp);
      for (int from = 0; from < iterations; from += BLOCK) {
        int to = Math.min(iterations, from + BLOCK);
        measure(plain, plainNanos, from, to);
        measure(harness, harnessNanos, from, to);
      }
      return new Result(Stats.of(plainNanos), Stats.of(harnessNanos));
    }
  }

  private static void measure(RoundTrip trip, long[] nanos, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      long start = System.nanoTime();
      trip.once();
      nanos[i] = System.nanoTime() - start;
    }
  }
}
