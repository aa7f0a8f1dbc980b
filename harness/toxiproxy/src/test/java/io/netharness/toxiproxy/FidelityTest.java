package io.netharness.toxiproxy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.proxy.Capability;
import io.netharness.proxy.Direction;
import io.netharness.proxy.EmbeddedBackend;
import io.netharness.proxy.FaultBackend;
import io.netharness.proxy.FaultSettings;
import io.netharness.proxy.ProxyControl;
import io.netharness.proxy.api.AdminServer;
import io.netharness.proxy.toxics.ResetPeer;
import io.netharness.proxy.toxics.Toxics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a client sees through each fault backend, toxic by toxic: the measurements behind the
 * fidelity table in docs/faults.md. Every backend is probed the same way with plain sockets; the
 * observations are printed and written to {@code target/fidelity-<backend>.md}. The assertions
 * hold each backend to what it claims: data is never lost where no toxic drops it, and every
 * {@link Capability} it lists is really observed (an RST, a refusal, slices as separate reads).
 * Timings are recorded, never asserted.
 *
 * <p>Backends: {@code embedded} always; {@code toxiproxy} against {@code -Dnetharness.toxiproxy.url}
 * (the in-process Toxiproxy-compatible API when none is given); {@code testcontainers} when a
 * Docker engine and the images answer.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FidelityTest {
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final AtomicInteger NAMES = new AtomicInteger();

  @Test
  void embedded() throws IOException {
    try (EmbeddedBackend backend = new EmbeddedBackend(Optional.of(42L))) {
      probeAll(backend, "embedded");
    }
  }

  @Test
  void toxiproxy() throws IOException {
    String url = System.getProperty("netharness.toxiproxy.url", "in-process");
    AdminServer inProcess = null;
    if (url.equals("in-process")) {
      inProcess = AdminServer.builder().port(0).build().start();
      url = inProcess.url();
    }
    try {
      try {
        ToxiproxyServer.at(url).requireVersion();
      } catch (RuntimeException e) {
        Assumptions.abort("skipped: no Toxiproxy answers at " + url);
      }
      try (ToxiproxyBackend backend = ToxiproxyBackend.connect(url)) {
        probeAll(backend, inProcess != null ? "toxiproxy-in-process" : "toxiproxy");
      }
    } finally {
      if (inProcess != null) {
        inProcess.close();
      }
    }
  }

  @Test
  void testcontainers() throws IOException {
    Optional<String> unavailable = TestcontainersBackend.whyUnavailable(FaultSettings.DEFAULT_IMAGE);
    if (unavailable.isPresent()) {
      System.out.println("[FidelityTest] testcontainers skipped: " + unavailable.get());
      Assumptions.abort("skipped: " + unavailable.get());
    }
    try (TestcontainersBackend backend = TestcontainersBackend.start(FaultSettings.DEFAULT_IMAGE)) {
      String network = backend.capabilities().contains(Capability.RESETS) ? "host" : "bridge";
      probeAll(backend, "testcontainers-" + network);
    }
  }

  private void probeAll(FaultBackend backend, String label) throws IOException {
    Map<String, String> seen = new LinkedHashMap<>();
    try (Upstream echo = Upstream.echo(); Upstream byeAndClose = Upstream.byeAndClose();
        Upstream replyOnEof = Upstream.replyOnEof()) {
      seen.put("latency 100 ms downstream", latency(backend, echo));
      seen.put("bandwidth 100 KB/s downstream, 20 000 B", bandwidth(backend, echo));
      seen.put("bandwidth 0, then removed", bandwidthZero(backend, echo));
      seen.put("slow_close 300 ms downstream", slowClose(backend, byeAndClose));
      seen.put("timeout 300 ms upstream", timeout(backend, echo));
      seen.put("timeout 0 upstream, then removed", timeoutRemoved(backend, echo));
      seen.put("reset_peer 0 ms upstream, added before connecting", resetPeerFirst(backend, echo));
      seen.put("reset_peer 0 ms upstream, added to an open connection", resetPeerOpen(backend, echo, false));
      seen.put("reset_peer withFinOnOpenConnections(), added to an open connection", resetPeerOpen(backend, echo, true));
      seen.put("slicer 4 B average, no delay, upstream: one 44 B write", slicer(backend, echo, Duration.ZERO));
      seen.put("slicer 4 B average, 1 ms delay (as the step), upstream: one 44 B write", slicer(backend, echo, Duration.ofMillis(1)));
      seen.put("slicer 4 B average, 50 ms delay, upstream: one 44 B write", slicer(backend, echo, Duration.ofMillis(50)));
      seen.put("limit_data 10 B downstream", limitData(backend, echo));
      seen.put("toxicity 0 (timeout 0 upstream)", toxicityZero(backend, echo));
      seen.put("proxy down: open connection", downOpen(backend, echo));
      seen.put("proxy down: new connect", downNew(backend, echo));
      seen.put("upstream not listening", upstreamDown(backend));
      seen.put("client half-closes, server replies at EOF", halfClose(backend, replyOnEof));
    }
    StringBuilder table = new StringBuilder("| probe | " + label + " |\n|---|---|\n");
    seen.forEach((probe, result) -> table.append("| ").append(probe).append(" | ").append(result).append(" |\n"));
    System.out.println("[FidelityTest] " + backend + ", capabilities " + backend.capabilities() + "\n" + table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "fidelity-" + label + ".md"), table);

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("latency 100 ms downstream", "echo after");
    expected.put("bandwidth 100 KB/s downstream, 20 000 B", "20000 B after");
    expected.put("bandwidth 0, then removed", "held; delivered on removal");
    expected.put("slow_close 300 ms downstream", "bye, then ");
    expected.put("limit_data 10 B downstream", "10 B, then ");
    expected.put("toxicity 0 (timeout 0 upstream)", "passes");
    whereClaimed(backend, Capability.RESETS, expected, "reset_peer 0 ms upstream, added before connecting", "RST");
    whereClaimed(backend, Capability.RESET_OPEN_CONNECTIONS, expected,
        "reset_peer 0 ms upstream, added to an open connection", "RST");
    whereClaimed(backend, Capability.REFUSAL, expected, "proxy down: new connect", "refused");
    whereClaimed(backend, Capability.HALF_CLOSE, expected, "client half-closes, server replies at EOF", "reply");
    if (backend instanceof EmbeddedBackend) {
      expected.put("reset_peer withFinOnOpenConnections(), added to an open connection", "FIN");
    }
    expected.forEach((probe, start) -> assertThat(seen.get(probe)).as(label + ": " + probe).startsWith(start));
    if (backend.capabilities().contains(Capability.SLICE_BOUNDARIES)) {
      // 50 ms apart: a reader descheduled for 1 ms on a loaded machine merges the 1 ms slices, one for 550 ms cannot
      String slices = seen.get("slicer 4 B average, 50 ms delay, upstream: one 44 B write");
      assertThat(Integer.parseInt(slices.replaceAll("44 B in (\\d+) reads?", "$1"))).as(label + " slices").isGreaterThan(1);
    }
  }

  /** Adds {@code probe}'s expectation only where the backend claims the capability. */
  private static void whereClaimed(FaultBackend backend, Capability capability, Map<String, String> expected,
      String probe, String start) {
    if (backend.capabilities().contains(capability)) {
      expected.put(probe, start);
    }
  }

  private static ProxyControl proxy(FaultBackend backend, InetSocketAddress upstream) {
    return backend.createProxy("fidelity-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet(), upstream);
  }

  private static String latency(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("latency", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(100)));
      try (Socket client = connect(p)) {
        long start = System.nanoTime();
        client.getOutputStream().write("ping".getBytes(US_ASCII));
        byte[] reply = client.getInputStream().readNBytes(4);
        return new String(reply, US_ASCII).equals("ping") ? "echo after " + millis(start) : "echo lost";
      }
    }
  }

  private static String bandwidth(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("bandwidth", Direction.DOWNSTREAM, 1.0, Toxics.bandwidth(100));
      try (Socket client = connect(p)) {
        long start = System.nanoTime();
        client.getOutputStream().write(new byte[20_000]);
        int got = client.getInputStream().readNBytes(20_000).length;
        return got + " B after " + millis(start);
      }
    }
  }

  private static String bandwidthZero(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("cut", Direction.DOWNSTREAM, 1.0, Toxics.bandwidth(0));
      try (Socket client = connect(p)) {
        client.getOutputStream().write("held".getBytes(US_ASCII));
        client.setSoTimeout((int) QUIET.toMillis());
        try {
          int first = client.getInputStream().read();
          return "leaked " + first;
        } catch (SocketTimeoutException expected) {
          // held, as it should be
        }
        p.remove("cut");
        client.setSoTimeout((int) WAIT.toMillis());
        String after = new String(client.getInputStream().readNBytes(4), US_ASCII);
        return after.equals("held") ? "held; delivered on removal" : "held; " + after + " on removal";
      }
    }
  }

  private static String slowClose(FaultBackend backend, Upstream byeAndClose) throws IOException {
    try (ProxyControl p = proxy(backend, byeAndClose.address())) {
      p.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.slowClose(Duration.ofMillis(300)));
      try (Socket client = connect(p)) {
        long start = System.nanoTime();
        String bye = new String(client.getInputStream().readNBytes(3), US_ASCII);
        return bye + ", then " + ending(client, start);
      }
    }
  }

  private static String timeout(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("timeout", Direction.UPSTREAM, 1.0, Toxics.timeout(Duration.ofMillis(300)));
      try (Socket client = connect(p)) {
        long start = System.nanoTime();
        client.getOutputStream().write("void".getBytes(US_ASCII));
        return ending(client, start);
      }
    }
  }

  private static String timeoutRemoved(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("stall", Direction.UPSTREAM, 1.0, Toxics.timeout(Duration.ZERO));
      try (Socket client = connect(p)) {
        client.getOutputStream().write("lost".getBytes(US_ASCII));
        client.setSoTimeout((int) QUIET.toMillis());
        try {
          return "leaked " + client.getInputStream().read();
        } catch (SocketTimeoutException expected) {
          // swallowed
        }
        long start = System.nanoTime();
        p.remove("stall");
        return ending(client, start);
      }
    }
  }

  private static String resetPeerFirst(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("reset", Direction.UPSTREAM, 1.0, Toxics.resetPeer(Duration.ZERO));
      try (Socket client = connect(p)) {
        long start = System.nanoTime();
        client.getOutputStream().write("reset toxic payload".getBytes(US_ASCII));
        return ending(client, start);
      }
    }
  }

  private static String resetPeerOpen(FaultBackend backend, Upstream echo, boolean asToxiproxy) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address()); Socket client = connect(p)) {
      client.getOutputStream().write("a".getBytes(US_ASCII));
      client.getInputStream().readNBytes(1); // the connection is open and flowing
      ResetPeer reset = Toxics.resetPeer(Duration.ZERO);
      p.add("reset", Direction.UPSTREAM, 1.0, asToxiproxy ? reset.withFinOnOpenConnections() : reset);
      long start = System.nanoTime();
      client.getOutputStream().write("reset toxic payload".getBytes(US_ASCII));
      return ending(client, start);
    }
  }

  private static String slicer(FaultBackend backend, Upstream echo, Duration delay) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("slicer", Direction.UPSTREAM, 1.0, Toxics.slicer(4, 0, delay));
      try (Socket client = connect(p)) {
        int before = echo.reads();
        client.getOutputStream().write("the quick brown fox\njumps over the lazy dog\n".getBytes(US_ASCII));
        client.getInputStream().readNBytes(44);
        int reads = echo.reads() - before;
        return "44 B in " + reads + (reads == 1 ? " read" : " reads");
      }
    }
  }

  private static String limitData(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("limit", Direction.DOWNSTREAM, 1.0, Toxics.limitData(10));
      try (Socket client = connect(p)) {
        client.getOutputStream().write("0123456789abcdefghij".getBytes(US_ASCII));
        int got = client.getInputStream().readNBytes(10).length;
        return got + " B, then " + ending(client, System.nanoTime());
      }
    }
  }

  private static String toxicityZero(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      p.add("never", Direction.UPSTREAM, 0.0, Toxics.timeout(Duration.ZERO));
      try (Socket client = connect(p)) {
        client.getOutputStream().write("pass".getBytes(US_ASCII));
        return new String(client.getInputStream().readNBytes(4), US_ASCII).equals("pass") ? "passes" : "stalled";
      }
    }
  }

  private static String downOpen(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address()); Socket client = connect(p)) {
      client.getOutputStream().write("a".getBytes(US_ASCII));
      client.getInputStream().readNBytes(1);
      long start = System.nanoTime();
      p.disable();
      return ending(client, start);
    }
  }

  private static String downNew(FaultBackend backend, Upstream echo) throws IOException {
    try (ProxyControl p = proxy(backend, echo.address())) {
      InetSocketAddress address = p.address();
      p.disable();
      return attempt(address);
    }
  }

  private static String upstreamDown(FaultBackend backend) throws IOException {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    try (ProxyControl p = proxy(backend, new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort))) {
      return attempt(p.address());
    }
  }

  private static String halfClose(FaultBackend backend, Upstream replyOnEof) throws IOException {
    try (ProxyControl p = proxy(backend, replyOnEof.address()); Socket client = connect(p)) {
      client.getOutputStream().write("abc".getBytes(US_ASCII));
      client.shutdownOutput();
      client.setSoTimeout((int) WAIT.toMillis());
      try {
        byte[] reply = client.getInputStream().readAllBytes();
        return reply.length > 0 ? "reply \"" + new String(reply, US_ASCII) + "\", then FIN" : "FIN without the reply";
      } catch (SocketException e) {
        return "RST without the reply";
      } catch (SocketTimeoutException e) {
        return "nothing within " + WAIT.toSeconds() + " s";
      }
    }
  }

  private static String attempt(InetSocketAddress address) {
    try (Socket client = new Socket()) {
      client.connect(address, (int) WAIT.toMillis());
      long start = System.nanoTime();
      return "accepted, then " + ending(client, start);
    } catch (ConnectException e) {
      return "refused";
    } catch (IOException e) {
      return "connect failed: " + e.getMessage();
    }
  }

  /** How the connection ends, read from the client: FIN (EOF), RST, or nothing within 5 s. */
  private static String ending(Socket client, long startNanos) {
    try {
      client.setSoTimeout((int) WAIT.toMillis());
      InputStream in = client.getInputStream();
      long extra = 0;
      while (in.read() >= 0) {
        extra++;
      }
      return "FIN after " + millis(startNanos) + (extra > 0 ? " (" + extra + " more B first)" : "");
    } catch (SocketTimeoutException e) {
      return "still open after " + WAIT.toSeconds() + " s";
    } catch (SocketException e) {
      return "RST after " + millis(startNanos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Socket connect(ProxyControl proxy) throws IOException {
    Socket socket = new Socket();
    socket.connect(proxy.address(), (int) WAIT.toMillis());
    socket.setSoTimeout((int) WAIT.toMillis());
    return socket;
  }

  private static String millis(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms";
  }

  /** A plain blocking upstream on 127.0.0.1, a thread per connection; counts its reads. */
  private static final class Upstream implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger reads = new AtomicInteger();

    private Upstream(Mode mode) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket socket = server.accept();
            Thread handler = new Thread(() -> serve(mode, socket), "fidelity-upstream");
            handler.setDaemon(true);
            handler.start();
          } catch (IOException closed) {
            return;
          }
        }
      }, "fidelity-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    enum Mode { ECHO, BYE_AND_CLOSE, REPLY_ON_EOF }

    static Upstream echo() throws IOException {
      return new Upstream(Mode.ECHO);
    }

    static Upstream byeAndClose() throws IOException {
      return new Upstream(Mode.BYE_AND_CLOSE);
    }

    static Upstream replyOnEof() throws IOException {
      return new Upstream(Mode.REPLY_ON_EOF);
    }

    private void serve(Mode mode, Socket socket) {
      try (socket) {
        InputStream in = socket.getInputStream();
        switch (mode) {
          case ECHO -> {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
              reads.incrementAndGet();
              socket.getOutputStream().write(buffer, 0, n);
            }
          }
          case BYE_AND_CLOSE -> socket.getOutputStream().write("bye".getBytes(US_ASCII));
          case REPLY_ON_EOF -> {
            byte[] all = in.readAllBytes();
            socket.getOutputStream().write(("REPLY:" + new String(all, US_ASCII)).getBytes(US_ASCII));
          }
        }
      } catch (IOException ignored) {
        // the proxy went away: nothing to serve
      }
    }

    InetSocketAddress address() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    int reads() {
      return reads.get();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
