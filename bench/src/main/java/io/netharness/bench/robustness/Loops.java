package io.netharness.bench.robustness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A proxy pointed at its own listen address must be refused, and so must two proxies pointed at each other
 * (a → b → a); a client of the proxy that was refused the change then meets the old upstream, the API keeps
 * answering, and the descriptors come back when the client leaves.
 */
final class Loops {
  private Loops() {}

  static Finding run(Target target) throws IOException {
    Api api = new Api(target.adminUrl(), Duration.ofSeconds(5));
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Api.Answer self = api.call("POST", "/proxies", "{\"name\":\"self\",\"listen\":\"127.0.0.1:" + port + "\",\"upstream\":\"127.0.0.1:" + port + "\"}");
    long baseline = target.fds();
    InetSocketAddress a = Checks.proxy(api, "a", "127.0.0.1:1");
    InetSocketAddress b = Checks.proxy(api, "b", "127.0.0.1:" + a.getPort());
    Api.Answer pointed = api.call("POST", "/proxies/a", "{\"upstream\":\"127.0.0.1:" + b.getPort() + "\"}");
    int slow = 0;
    long peak = 0;
    try (Socket client = new Socket()) {
      client.connect(a, 2000);
      client.getOutputStream().write("loop".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < end) {
        Api.Answer v = api.version();
        if (v.status() != 200 || v.nanos() > 1_000_000_000L) {
          slow++;
        }
        peak = Math.max(peak, target.fds());
        Checks.pause(Duration.ofMillis(100));
      }
    }
    api.call("DELETE", "/proxies/a", (byte[]) null);
    api.call("DELETE", "/proxies/b", (byte[]) null);
    long limit = baseline + 16;
    boolean recovered = baseline < 0 || Checks.eventually(Duration.ofSeconds(15), () -> target.fds() <= limit);
    boolean alive = target.alive() && api.version().status() == 200;
    String summary = String.format("self-loop create → %d; a→b→a → %d; one client for 5 s: descriptors %d → peak %d → %d "
        + "after the client left, API slower than 1 s or failing %d times, process %s", self.status(), pointed.status(),
        baseline, peak, target.fds(), slow, alive ? "alive" : "DEAD");
    return new Finding("proxy loops", self.status() == 400 && pointed.status() == 400 && alive && slow == 0 && recovered,
        summary);
  }
}
