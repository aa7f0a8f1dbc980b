package io.netharness.bench.robustness;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run against a child limited to 256 descriptors: 300 idle admin connections and 300 proxied
 * clients exhaust them. An admin connection opened before keeps answering meanwhile; after the
 * clients leave, new connections to the API and through the proxy work again and the descriptors
 * come back.
 */
final class FdExhaustion {
  private FdExhaustion() {}

  static Finding run(Target target) throws IOException {
    Api api = new Api(target.adminUrl(), Duration.ofSeconds(5));
    InetSocketAddress proxy = Checks.proxy(api, "fd", target.echoHostPort());
    InetSocketAddress admin = new InetSocketAddress("127.0.0.1", Integer.parseInt(target.adminUrl().replaceAll(".*:", "")));
    long baseline = target.fds();
    int keptAnswers = 0;
    try (Socket kept = new Socket()) {
      kept.connect(admin, 2000);
      kept.setSoTimeout(3000);
      keptAnswers += versionOn(kept) ? 1 : 0;
      List<Socket> flood = new ArrayList<>();
      int opened = 0;
      for (int i = 0; i < 300; i++) {
        opened += open(flood, admin) + open(flood, proxy);
      }
      long peak = target.fds();
      keptAnswers += versionOn(kept) ? 1 : 0;
      for (Socket s : flood) {
        s.close();
      }
      boolean apiBack = Checks.eventually(Duration.ofSeconds(20), () -> api.version().status() == 200);
      boolean proxyBack = Checks.eventually(Duration.ofSeconds(20), () -> Checks.echoes(proxy, Duration.ofSeconds(1)));
      keptAnswers += versionOn(kept) ? 1 : 0;
      boolean fdsBack = Checks.eventually(Duration.ofSeconds(20), () -> target.fds() <= baseline + 16);
      boolean alive = target.alive();
      String summary = String.format("limit 256: %d connections opened at once, descriptors %d → %d → %d; "
          + "an admin connection opened before answered %d of 3; afterwards API %s, proxy %s, process %s", opened,
          baseline, peak, target.fds(), keptAnswers, apiBack ? "answers" : "DEAD", proxyBack ? "echoes" : "DEAD",
          alive ? "alive" : "DEAD");
      return new Finding("descriptor exhaustion", alive && apiBack && proxyBack && fdsBack && keptAnswers == 3, summary);
    }
  }

  private static int open(List<Socket> flood, InetSocketAddress to) {
    Socket s = new Socket();
    flood.add(s);
    try {
      s.connect(to, 500);
      return 1;
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean versionOn(Socket kept) {
    try {
      kept.getOutputStream().write("GET /version HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
      InputStream in = kept.getInputStream();
      byte[] buffer = new byte[4096];
      StringBuilder answer = new StringBuilder();
      while (!answer.toString().contains("2.12.0")) {
        int n = in.read(buffer);
        if (n < 0) {
          return false;
        }
        answer.append(new String(buffer, 0, n, US_ASCII));
      }
      return answer.toString().startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }
}
