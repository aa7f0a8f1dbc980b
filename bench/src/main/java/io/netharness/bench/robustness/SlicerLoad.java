package io.netharness.bench.robustness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The control path under the heaviest data path: streams through slicer {@code average_size 1}
 * downstream and a bandwidth toxic upstream. {@code /version} and toxic changes must answer in
 * milliseconds, the process's memory must stay bounded, and every byte must come back.
 */
final class SlicerLoad {
  private SlicerLoad() {}

  static Finding run(Target target, int connections, Duration length) throws IOException {
    Api api = new Api(target.adminUrl(), Duration.ofSeconds(10));
    InetSocketAddress proxy = Checks.proxy(api, "sliced", target.echoHostPort());
    api.call("POST", "/proxies/sliced/toxics", "{\"name\":\"slicer\",\"type\":\"slicer\",\"attributes\":{\"average_size\":1}}");
    api.call("POST", "/proxies/sliced/toxics", "{\"name\":\"bw\",\"type\":\"bandwidth\",\"stream\":\"upstream\",\"attributes\":{\"rate\":10000}}");
    List<Long> changes = new ArrayList<>();
    int refused = 0;
    long rss = 0;
    try (Streams streams = Streams.open(proxy, connections, 11, 0); VersionPoller poller = new VersionPoller(target)) {
      long end = System.nanoTime() + length.toNanos();
      int i = 0;
      while (System.nanoTime() < end) {
        Api.Answer a = api.call("PATCH", "/proxies/sliced/toxics/bw", "{\"attributes\":{\"rate\":" + (5000 + (i++ % 10) * 1000) + "}}");
        changes.add(a.nanos());
        refused += a.status() == 200 ? 0 : 1;
        rss = Math.max(rss, target.rssMiB());
        Checks.pause(Duration.ofMillis(200));
      }
      api.call("POST", "/reset", (byte[]) null);
      streams.stopSending();
      boolean complete = streams.awaitAllEchoed(Duration.ofSeconds(60));
      poller.close();
      long p99 = Checks.p99(poller.samples());
      boolean alive = target.alive() && api.version().status() == 200;
      String summary = String.format("%d streams for %d s through slicer average_size 1 + bandwidth: /version %s (HttpClient), %s (plain socket); "
          + "toxic updates %s, %d failed; peak RSS %s; %,d bytes echoed, %d corrupted, all echoed: %s; process %s", connections,
          length.toSeconds(), Checks.percentiles(poller.samples()), Checks.percentiles(poller.rawSamples()), Checks.percentiles(changes), refused,
          rss < 0 ? "n/a" : rss + " MiB", streams.echoed(), streams.corrupted.get(), complete ? "yes" : "NO",
          alive ? "alive" : "DEAD");
      return new Finding("slicer 1 under load", alive && complete && streams.corrupted.get() == 0 && poller.failures == 0
          && p99 < 1_000_000_000L && refused == 0 && Checks.p99(changes) < 1_000_000_000L, summary);
    }
  }
}
