package io.netharness.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * socat as a reference relay: {@code socat -b 262144 TCP-LISTEN:<port>,bind=127.0.0.1 TCP:<upstream>}, one
 * connection per process (as the issue measured it). Absent socat ({@code apt-get install socat}), the
 * relay is unavailable and the bench leaves its column empty.
 *
 * <pre>{@code
 * try (SocatRelay socat = SocatRelay.start(server.address())) { connect(socat.address()); }
 * }</pre>
 */
final class SocatRelay implements AutoCloseable {
  private final @Nullable Process process;
  private final InetSocketAddress address;

  private SocatRelay(@Nullable Process process, InetSocketAddress address) {
    this.process = process;
    this.address = address;
  }

  static boolean available() {
    try {
      return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts socat and waits until it listens (it says so on stderr with {@code -d -d}). */
  static SocatRelay start(InetSocketAddress upstream) {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Process p = new ProcessBuilder("socat", "-d", "-d", "-b", "262144",
          "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,nodelay",
          "TCP:127.0.0.1:" + upstream.getPort() + ",nodelay").start();
      BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      for (String line; (line = err.readLine()) != null; ) {
        if (line.contains("listening on")) {
          Thread drain = new Thread(() -> drain(err), "socat-stderr");
          drain.setDaemon(true);
          drain.start();
          return new SocatRelay(p, new InetSocketAddress("127.0.0.1", port));
        }
      }
      throw new IllegalStateException("socat ended before listening (exit " + p.waitFor() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  InetSocketAddress address() {
    return address;
  }

  private static void drain(BufferedReader err) {
    try {
      while (err.readLine() != null) {
        // socat's per-connection notes
      }
    } catch (IOException ignored) {
      // socat ended
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }
}
