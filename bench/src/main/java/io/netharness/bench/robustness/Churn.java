package io.netharness.bench.robustness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Toxic churn under traffic: checksummed streams through one proxy while toxics that must never
 * alter bytes (latency, bandwidth, slicer, packet_loss, noop, slow_close, and reset_peer removed
 * before it fires) are added, updated and removed at random in both directions. Every change must
 * be answered, every byte must come back exactly, and {@code /version} must stay fast throughout.
 */
final class Churn {
  private Churn() {}

  /** Each stream sends 2 MB/s, so the run measures the proxy rather than how fast the driver can generate bytes. */
  static Finding run(Target target, int connections, int changes, long seed) throws IOException {
    Api api = new Api(target.adminUrl(), Duration.ofSeconds(10));
    InetSocketAddress proxy = Checks.proxy(api, "churn", target.echoHostPort());
    SplittableRandom random = new SplittableRandom(seed);
    List<Long> changeNanos = new ArrayList<>();
    int hangs = 0;
    int errors = 0;
    String example = "";
    try (Streams streams = Streams.open(proxy, connections, seed, 2_000_000); VersionPoller poller = new VersionPoller(target)) {
      List<String> present = new ArrayList<>();
      for (int i = 0; i < changes && target.alive(); i++) {
        Api.Answer a;
        int choice = present.isEmpty() ? 0 : random.nextInt(3);
        if (choice == 0 && present.size() < 6) {
          String name = "t" + i;
          a = api.call("POST", "/proxies/churn/toxics", "{\"name\":\"" + name + "\",\"stream\":\""
              + (random.nextBoolean() ? "upstream" : "downstream") + "\",\"toxicity\":" + (random.nextInt(4) == 0 ? 0.5 : 1)
              + "," + toxic(random) + "}");
          if (a.status() == 200) {
            present.add(name);
          }
        } else if (choice == 1) {
          String name = present.get(random.nextInt(present.size()));
          a = api.call("GET", "/proxies/churn/toxics/" + name, (byte[]) null);
          String type = a.body().replaceAll(".*\"type\":\"([a-z_]+)\".*", "$1").trim();
          a = api.call("PATCH", "/proxies/churn/toxics/" + name, "{\"attributes\":" + attributes(type, random) + "}");
        } else {
          String name = present.remove(random.nextInt(present.size()));
          a = api.call("DELETE", "/proxies/churn/toxics/" + name, (byte[]) null);
        }
        changeNanos.add(a.nanos());
        if (a.hung()) {
          hangs++;
        } else if (a.status() >= 300) {
          errors++;
          example = a.status() + " " + a.body().trim();
        }
      }
      // every pending reset_peer goes before it fires; a reset that timed out (the 5 s control bound) is tried again
      Api.Answer reset = api.call("POST", "/reset", (byte[]) null);
      for (int attempt = 1; attempt < 5 && reset.status() != 204; attempt++) {
        example = "reset " + reset.status() + " " + reset.body().trim();
        errors++;
        reset = api.call("POST", "/reset", (byte[]) null);
      }
      streams.stopSending();
      boolean complete = streams.awaitAllEchoed(Duration.ofSeconds(120));
      poller.close();
      boolean alive = target.alive() && api.version().status() == 200;
      long corrupted = streams.corrupted.get();
      String summary = String.format("%d streams, %,d toxic changes (%s), %d hangs, %d refused changes%s; %,d bytes sent, "
          + "%,d echoed, %d corrupted, %d connections broken, all echoed: %s; /version during the run: %s (HttpClient), %s (plain socket), %d failures; "
          + "process %s", connections, changes, Checks.percentiles(changeNanos), hangs, errors,
          example.isEmpty() ? "" : " (e.g. " + example + ")", streams.sent(), streams.echoed(), corrupted,
          streams.broken.get(), complete ? "yes" : "NO", Checks.percentiles(poller.samples()),
          Checks.percentiles(poller.rawSamples()), poller.failures,
          alive ? "alive" : "DEAD");
      return new Finding("toxic churn under traffic", alive && hangs == 0 && errors == 0 && corrupted == 0 && complete
          && streams.broken.get() == 0 && poller.failures == 0, summary);
    }
  }

  private static String toxic(SplittableRandom random) {
    String type = List.of("latency", "bandwidth", "slicer", "packet_loss", "noop", "slow_close", "reset_peer")
        .get(random.nextInt(7));
    return "\"type\":\"" + type + "\",\"attributes\":" + attributes(type, random);
  }

  private static String attributes(String type, SplittableRandom random) {
    return switch (type) {
      case "latency" -> "{\"latency\":" + random.nextInt(50) + ",\"jitter\":" + random.nextInt(20) + "}";
      case "bandwidth" -> "{\"rate\":" + (100 + random.nextInt(100_000)) + "}";
      case "slicer" -> "{\"average_size\":" + (1 + random.nextInt(1000)) + ",\"size_variation\":" + random.nextInt(100)
          + ",\"delay\":" + random.nextInt(100) + "}";
      case "packet_loss" -> "{\"loss_rate\":" + random.nextDouble() / 2 + ",\"retransmit\":" + (1 + random.nextInt(50)) + "}";
      case "slow_close" -> "{\"delay\":" + random.nextInt(100) + "}";
      case "reset_peer" -> "{\"timeout\":600000}";
      default -> "{}";
    };
  }
}
