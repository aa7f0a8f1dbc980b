package io.netharness.bench.robustness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Each toxic at the top of its ranges (and one step past it, which must be a 400) on four live
 * connections that each send a byte: the API must keep answering within a second, and removing
 * the toxic must leave the connections working (timeout and limit_data close them, by design).
 */
final class Extremes {
  private static final String MAX = "2147483647";
  private static final List<String[]> CASES = List.of(
      new String[] {"latency", "{\"latency\":" + MAX + ",\"jitter\":" + MAX + "}", "keeps"},
      new String[] {"bandwidth", "{\"rate\":" + MAX + "}", "keeps"},
      new String[] {"bandwidth", "{\"rate\":0}", "keeps"},
      new String[] {"slow_close", "{\"delay\":" + MAX + "}", "keeps"},
      new String[] {"timeout", "{\"timeout\":" + MAX + "}", "closes"},
      new String[] {"reset_peer", "{\"timeout\":" + MAX + "}", "keeps"},
      new String[] {"slicer", "{\"average_size\":1,\"size_variation\":" + MAX + ",\"delay\":" + MAX + "}", "keeps"},
      new String[] {"slicer", "{\"average_size\":" + MAX + ",\"size_variation\":0,\"delay\":0}", "keeps"},
      new String[] {"limit_data", "{\"bytes\":9223372036854775807}", "keeps"},
      new String[] {"packet_loss", "{\"loss_rate\":1,\"correlation\":1,\"retransmit\":" + MAX + "}", "keeps"});

  private Extremes() {}

  static Finding run(Target target) throws IOException {
    Api api = new Api(target.adminUrl(), Duration.ofSeconds(5));
    InetSocketAddress proxy = Checks.proxy(api, "extreme", target.echoHostPort());
    int refusedPastRange = 0;
    int slowApi = 0;
    int broken = 0;
    List<String> problems = new ArrayList<>();
    for (String[] c : CASES) {
      List<Socket> clients = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Socket s = new Socket();
        s.connect(proxy, 2000);
        s.setSoTimeout(2000);
        clients.add(s);
      }
      for (Socket s : clients) {
        s.getOutputStream().write('a'); // the connections exist before the toxic does
        s.getInputStream().read();
      }
      Api.Answer added = api.call("POST", "/proxies/extreme/toxics", "{\"name\":\"x\",\"type\":\"" + c[0] + "\",\"stream\":\"downstream\",\"attributes\":" + c[1] + "}");
      if (added.status() != 200) {
        problems.add(c[0] + " " + c[1] + " → " + added.status());
      }
      for (Socket s : clients) {
        s.getOutputStream().write('b');
      }
      for (int i = 0; i < 5; i++) {
        Api.Answer v = api.version();
        if (v.status() != 200 || v.nanos() > 1_000_000_000L) {
          slowApi++;
        }
      }
      String past = c[1].replace(MAX, "2147483648").replace("9223372036854775807", "9223372036854775808");
      if (!past.equals(c[1]) && api.call("PATCH", "/proxies/extreme/toxics/x", "{\"attributes\":" + past + "}").status() == 400) {
        refusedPastRange++;
      }
      api.call("DELETE", "/proxies/extreme/toxics/x", (byte[]) null);
      for (Socket s : clients) {
        boolean works = works(s);
        if (c[2].equals("keeps") && !works) {
          broken++;
          problems.add(c[0] + " left a connection broken after removal");
        }
        s.close();
      }
    }
    boolean alive = target.alive() && api.version().status() == 200;
    String summary = String.format("%d toxic settings at the top of their range on 4 live connections: API slower than 1 s "
        + "%d times, %d connections broken by a removal, %d of %d one-past-the-range updates refused with 400, process %s%s",
        CASES.size(), slowApi, broken, refusedPastRange, CASES.size() - 1, alive ? "alive" : "DEAD",
        problems.isEmpty() ? "" : "; " + problems);
    return new Finding("extreme values", alive && slowApi == 0 && broken == 0 && problems.isEmpty(), summary);
  }

  /** After removal: 'b' (held, then delivered) and then a fresh byte come back. */
  private static boolean works(Socket s) {
    try {
      s.setSoTimeout(3000);
      int first = s.getInputStream().read();
      s.getOutputStream().write('c');
      int second = s.getInputStream().read();
      return first == 'b' && second == 'c';
    } catch (IOException e) {
      return false;
    }
  }
}
