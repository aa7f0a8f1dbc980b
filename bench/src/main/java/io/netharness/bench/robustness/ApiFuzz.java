package io.netharness.bench.robustness;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netharness.proxy.toxics.Toxics;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded malformed and odd admin requests: wrong types, extreme numbers, names that are long,
 * non-ASCII, lone surrogates or invalid UTF-8, unknown fields and types, truncated and nested
 * bodies, wrong methods. Every request must be answered in time, and a 5xx is only allowed where
 * Toxiproxy answers 500 too (a listen address that cannot be bound). {@code /version} is checked
 * every 100 requests.
 */
final class ApiFuzz {
  private static final List<String> NUMBERS = List.of("0", "1", "-1", "100", "2147483647", "2147483648",
      "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e300", "1.5", "-0.0", "\"7\"", "null",
      "true", "{}", "[]");
  private static final List<String> STREAMS = List.of("upstream", "downstream", "UpStream", "", "sideways");
  private final SplittableRandom random;
  private final Target target;

  ApiFuzz(Target target, long seed) {
    this.target = target;
    this.random = new SplittableRandom(seed);
  }

  Finding run(int requests) {
    Api api = new Api(target.adminUrl(), java.time.Duration.ofSeconds(5));
    int hangs = 0;
    int unexpected5xx = 0;
    int refused = 0;
    int[] byClass = new int[6];
    String example = "";
    for (int i = 1; i <= requests && target.alive(); i++) {
      String[] request = next();
      Api.Answer a = api.call(request[0], request[1], request[2] == null ? null : bytes(request[2]));
      if (a.hung()) {
        hangs++;
      } else if (a.status() == 0) {
        refused++;
      } else {
        byClass[a.status() / 100]++;
        if (a.status() >= 500 && !a.body().contains("listen tcp")) {
          unexpected5xx++;
          String seen = request[0] + " " + request[1] + " → " + a.status() + " " + a.body().trim();
          if (!example.contains(seen.substring(0, Math.min(seen.length(), 60))) && example.length() < 600) {
            example += (example.isEmpty() ? "" : " | ") + seen;
          }
        }
      }
      if (i % 100 == 0 && api.version().status() != 200) {
        hangs++;
      }
    }
    api.call("POST", "/reset", (byte[]) null);
    boolean alive = target.alive() && api.version().status() == 200;
    String summary = String.format("%,d requests: %d×2xx %d×4xx %d×5xx (listen errors, as Toxiproxy); %d unexpected 5xx, "
        + "%d hangs, %d refused connections, process %s%s", requests, byClass[2], byClass[4], byClass[5] - unexpected5xx,
        unexpected5xx, hangs, refused, alive ? "alive" : "DEAD", example.isEmpty() ? "" : "; e.g. " + example);
    return new Finding("API fuzz", alive && hangs == 0 && unexpected5xx == 0 && refused == 0, summary);
  }

  /** Strings here stand for bytes: a char 0x80-0xff marked with \u0000 prefix is a raw byte (invalid UTF-8). */
  private static byte[] bytes(String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\u0000' && i + 1 < body.length()) {
        out.write(body.charAt(++i));
      } else {
        out.writeBytes(String.valueOf(c).getBytes(UTF_8));
      }
    }
    return out.toByteArray();
  }

  private String[] next() {
    String proxy = pick(List.of("p0", "p1", "p2", "p0", "p1"));
    return switch (random.nextInt(12)) {
      case 0, 1 -> new String[] {"POST", "/proxies", proxyBody()};
      case 2, 3, 4 -> new String[] {"POST", "/proxies/" + proxy + "/toxics", toxicBody(true)};
      case 5 -> new String[] {pick(List.of("POST", "PATCH")), "/proxies/" + proxy + "/toxics/" + toxicName(), toxicBody(false)};
      case 6 -> new String[] {pick(List.of("POST", "PATCH")), "/proxies/" + proxy, proxyBody()};
      case 7 -> new String[] {"DELETE", pick(List.of("/proxies/" + proxy, "/proxies/" + proxy + "/toxics/" + toxicName())), null};
      case 8 -> new String[] {"POST", "/populate", "[" + proxyBody() + "," + proxyBody() + "]"};
      case 9 -> new String[] {pick(List.of("GET", "PUT", "HEAD", "OPTIONS", "DELETE")), path(), null};
      case 10 -> new String[] {"POST", pick(List.of("/proxies", "/proxies/" + proxy + "/toxics", "/populate")), garbage()};
      default -> new String[] {"GET", pick(List.of("/proxies", "/proxies/" + proxy, "/proxies/" + proxy + "/toxics", "/version")), null};
    };
  }

  private String proxyBody() {
    StringBuilder b = new StringBuilder("{");
    field(b, "name", pick(List.of("\"p0\"", "\"p1\"", "\"p2\"", name(), "7", "null")));
    field(b, "listen", pick(List.of("\"127.0.0.1:0\"", "\"\"", "\"localhost:0\"", "\"127.0.0.1:99999\"",
        "\"doesnotexist.invalid:80\"", "\"8.8.8.8:80\"", "\"nonsense\"", "\"127.0.0.1:" + target.echo().getPort() + "\"")));
    field(b, "upstream", pick(List.of("\"" + target.echoHostPort() + "\"", "\"127.0.0.1:1\"", "\"\"", "\" \"", "\"x:y:z\"", "[]")));
    field(b, "enabled", pick(List.of("true", "false", "\"yes\"", "1")));
    return close(b);
  }

  private String toxicBody(boolean withType) {
    StringBuilder b = new StringBuilder("{");
    String type = pick(Toxics.TYPES);
    if (withType) {
      field(b, pick(List.of("type", "Type", "TYPE")), pick(List.of("\"" + type + "\"", "\"bogus\"", "\"\"", "3")));
      field(b, "stream", "\"" + pick(STREAMS) + "\"");
      field(b, "name", pick(List.of("\"" + toxicName() + "\"", name(), "\"\"")));
    }
    field(b, "toxicity", pick(NUMBERS));
    StringBuilder attributes = new StringBuilder("{");
    for (String attribute : List.of("latency", "jitter", "rate", "delay", "timeout", "average_size", "size_variation",
        "bytes", "loss_rate", "correlation", "retransmit", "unknown")) {
      if (random.nextInt(3) == 0) {
        field(attributes, attribute, pick(NUMBERS));
      }
    }
    field(b, "attributes", random.nextInt(10) == 0 ? pick(NUMBERS) : close(attributes));
    return close(b);
  }

  private String toxicName() {
    return pick(List.of("t0", "t1", "latency_downstream", "bandwidth_upstream", "slicer_downstream"));
  }

  private String name() {
    return pick(List.of("\"" + "n".repeat(4097) + "\"", "\"" + "é".repeat(2000) + "\"", "\"\\ud800\"", "\"a/b\"", "\"..\"",
        "\"哈哈\"", "\"\u0000\u00c0\u0000\u00ae\u0000\u00c0\u0000\u00ae\"", "\"\u0000\u00ff\"", "\"%2e\"", "\" \""));
  }

  private String path() {
    String segment = pick(List.of("p0", "..", "%2e%2e", "%ff", URLEncoder.encode("哈哈", UTF_8), "n".repeat(5000), ""));
    return pick(List.of("/proxies/" + segment, "/proxies/p0/toxics/" + segment, "/" + segment, "/version/", "/reset",
        "/proxies/p0/toxics/t0/extra", "/metrics"));
  }

  private String garbage() {
    return pick(List.of("", " ", "{", "{\"name\":", "[".repeat(5000) + "]".repeat(5000), "\u0000\u00ff\u0000\u00fe",
        "{\"name\":\"a\",\"upstream\":\"127.0.0.1:1\"}{}", "null", "\"x\"", "{\"name\":\"a\" \"upstream\":1}",
        "{\"attributes\":{\"latency\":" + "9".repeat(400) + "}}"));
  }

  private void field(StringBuilder b, String name, String value) {
    if (random.nextInt(8) == 0) {
      return; // omitted
    }
    if (b.length() > 1) {
      b.append(',');
    }
    b.append('"').append(name).append("\":").append(value);
  }

  private static String close(StringBuilder b) {
    return b.append('}').toString();
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
