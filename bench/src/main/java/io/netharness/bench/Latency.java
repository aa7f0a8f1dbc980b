package io.netharness.bench;

import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/**
 * Echo round trips: send {@code size} bytes, wait until all of them came back. The harness pair
 * is a {@link TcpServer} with {@link Behaviors#echo()} and a {@link TcpClient} doing
 * {@code send} then {@code receiveBytes}; the baseline is a blocking {@link Socket} against a
 * one-thread-per-connection echo server.
 */
final class Latency {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Latency() {}

  static Stats harness(int size, int warmUp, int iterations) {
    byte[] message = new byte[size];
    Arrays.fill(message, (byte) 'x');
    long[] nanos = new long[iterations];
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).name("echo").build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      for (int i = -warmUp; i < iterations; i++) {
        long start = System.nanoTime();
        client.send(message);
        client.receiveBytes(size, WAIT);
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
      }
    }
    return Stats.of(nanos);
  }

  static Stats plain(int size, int warmUp, int iterations) throws Exception {
    byte[] message = new byte[size];
    Arrays.fill(message, (byte) 'x');
    byte[] reply = new byte[size];
    long[] nanos = new long[iterations];
    try (PlainSockets.OneShotServer server = PlainSockets.echo();
        Socket socket = PlainSockets.connect(server.address())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = -warmUp; i < iterations; i++) {
        long start = System.nanoTime();
        out.write(message);
        if (in.readNBytes(reply, 0, size) != size) {
          throw new IllegalStateException("echo server closed early");
        }
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
      }
    }
    return Stats.of(nanos);
  }
}
