package io.netharness.bench.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Small helpers the checks share: creating proxies, an echo round trip, polling, percentiles. */
final class Checks {
  private Checks() {}

  /** Creates a proxy on 127.0.0.1:0 and returns its listen address. */
  static InetSocketAddress proxy(Api api, String name, String upstream) {
    Api.Answer a = api.call("POST", "/proxies", "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream + "\"}");
    if (a.status() != 201) {
      throw new IllegalStateException("creating proxy " + name + ": " + a.status() + " " + a.body());
    }
    String listen = a.body().replaceAll(".*\"listen\":\"127\\.0\\.0\\.1:(\\d+)\".*", "$1").trim();
    return new InetSocketAddress("127.0.0.1", Integer.parseInt(listen));
  }

  /** One byte out and back through {@code address}, within {@code timeout}. */
  static boolean echoes(InetSocketAddress address, Duration timeout) {
    try (Socket s = new Socket()) {
      s.connect(address, (int) timeout.toMillis());
      s.setSoTimeout((int) timeout.toMillis());
      OutputStream out = s.getOutputStream();
      out.write('x');
      InputStream in = s.getInputStream();
      return in.read() == 'x';
    } catch (IOException e) {
      return false;
    }
  }

  static boolean eventually(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(50_000_000L);
    }
    return condition.getAsBoolean();
  }

  static void pause(Duration d) {
    LockSupport.parkNanos(d.toNanos());
  }

  /** p50 / p99 / max of nanosecond samples, in ms. */
  static String percentiles(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "no samples";
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d calls)", sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6, sorted.length);
  }

  static long p99(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
  }
}
