package io.netharness.cucumber;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.netharness.ExpectationFailedException;
import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import io.netharness.lab.CapturedPacket;
import io.netharness.lab.Direction;
import io.netharness.lab.Impairment;
import io.netharness.lab.Lab;
import io.netharness.lab.LabCapture;
import io.netharness.lab.LabHost;
import io.netharness.lab.WireCounters;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opentest4j.TestAbortedException;

/**
 * The packet lab (Linux, root): hosts "a" and "b" in their own network namespaces, a wire between them that
 * loses, duplicates, reorders or corrupts real IP packets, the capture of every packet, and the kernel's own
 * counters. Endpoints started on a lab host are ordinary endpoints afterwards: the usual send and receive
 * steps work on them. Scenarios tagged {@code @lab} are skipped, with the reason and the fix, where the lab
 * cannot run.
 *
 * <pre>{@code
 * Given a packet lab with seed 42
 * And the lab wire loses 20% of the packets from host "a"
 * And a TCP server "srv" on lab host "b"
 * And a TCP client "alice" on lab host "a" connected to "srv"
 * When "alice" sends 500 numbered lines
 * Then "srv" receives 500 numbered lines from "alice", complete and in order
 * And the kernel of lab host "a" counted TCP retransmissions
 * }</pre>
 */
public final class LabSteps {
  private final HarnessState state;
  private final List<DatagramChannel> silent = new ArrayList<>();

  public LabSteps(HarnessState state) {
    this.state = state;
  }

  @Before(value = "@lab", order = 1)
  public void skipWhereTheLabCannotRun(Scenario scenario) {
    Lab.unavailableReason().ifPresent(reason -> {
      String message = "skipped: the packet lab cannot run here: " + reason;
      scenario.log(message);
      System.out.println("[netharness] " + scenario.getName() + ": " + message);
      throw new TestAbortedException(message);
    });
    state.put("lab.scenario", scenario);
  }

  @Given("a packet lab with seed {long}")
  public void lab(long seed) {
    Lab.unavailableReason().ifPresent(reason -> {
      throw new TestAbortedException("skipped: the packet lab cannot run here: " + reason);
    });
    state.lab(Lab.builder().seed(seed).capture(capturePath()).start());
  }

  @Given("the lab wire {word} {percent} of the packets from host {string}")
  public void impair(String verb, Double p, String host) {
    Direction direction = from(host);
    Impairment now = state.lab().wire().impairment(direction);
    Impairment next = switch (verb.toLowerCase(Locale.ROOT)) {
      case "loses", "drops" -> now.withLoss(p);
      case "duplicates" -> now.withDuplicate(p);
      case "reorders" -> now.withReorder(p);
      case "corrupts" -> now.withCorrupt(p);
      default -> throw new HarnessException("the lab wire loses, duplicates, reorders or corrupts packets, not \""
          + verb + "\" (e.g. 'the lab wire loses 20% of the packets from host \"a\"')");
    };
    state.lab().wire().impair(direction, next);
  }

  @Given("lab host {string} sets {string} to {string}")
  public void sysctl(String host, String name, String value) {
    host(host).sysctl(name, value);
  }

  @Given("a TCP server {string} on lab host {string}")
  public void server(String name, String host) {
    LabHost h = host(host);
    state.addServer(name, h.call(() -> TcpServer.builder().name(name).host(h.address()).build().start()));
  }

  @Given("a TCP echo server {string} on lab host {string}")
  public void echoServer(String name, String host) {
    LabHost h = host(host);
    state.addServer(name, h.call(() -> TcpServer.builder().name(name).host(h.address())
        .behavior(Behaviors.echo()).build().start()));
  }

  @Given("a TCP client {string} on lab host {string} connected to {string}")
  public void client(String name, String host, String target) {
    var address = state.addressOf(target);
    state.addClient(name, host(host).call(() -> TcpClient.builder().name(name).address(address).connect()));
    state.route(name, target);
  }

  @Given("a UDP peer {string} on lab host {string}")
  public void peer(String name, String host) {
    LabHost h = host(host);
    state.addPeer(name, h.call(() -> UdpPeer.bind(name, h.address(), 0)));
  }

  @Then("{string} received each byte {string} sent exactly once")
  public void exactlyOnce(String server, String client) {
    long sent = state.client(client).bytesSent();
    var connection = state.serverConnectionOf(server, client);
    connection.awaitBytesOrEnd(sent, state.timeout().multipliedBy(4));
    if (connection.bytesReceived() != sent) {
      throw new ExpectationFailedException("\"" + client + "\" sent " + sent + " bytes, \"" + server + "\" received "
          + connection.bytesReceived() + " (" + state.lab().wire().counters(Direction.A_TO_B) + ")");
    }
  }

  @Then("{string} got the {int} numbered datagrams from {string} with some {word}")
  public void udpDelivery(String receiver, int count, String sender, String what) {
    DeliveryReport report = udpReport(receiver, count, sender);
    int observed = switch (what.toLowerCase(Locale.ROOT)) {
      case "lost" -> report.lost();
      case "duplicated" -> report.duplicated();
      case "reordered", "out-of-order" -> report.outOfOrder();
      default -> throw new HarnessException("a delivery has some lost, duplicated or reordered datagrams, not \""
          + what + "\"");
    };
    if (observed == 0) {
      throw new ExpectationFailedException("expected some " + what + " datagrams, but none were:\n"
          + DeliveryReport.table(List.of(report)));
    }
  }

  @Then("a second lab with the same seed gives the same fates to {int} numbered datagrams from host {string}")
  public void sameFatesAgain(int count, String host) {
    Lab first = state.lab();
    Direction direction = from(host);
    List<String> before = fates(first, direction, count);
    Path pcap = capturePath().resolveSibling(capturePath().getFileName().toString().replace(".pcap", "-again.pcap"));
    try (Lab again = Lab.builder().seed(first.wire().seed())
        .impair(Direction.A_TO_B, first.wire().impairment(Direction.A_TO_B))
        .impair(Direction.B_TO_A, first.wire().impairment(Direction.B_TO_A)).capture(pcap).start()) {
      LabHost from = direction == Direction.A_TO_B ? again.a() : again.b();
      LabHost to = direction == Direction.A_TO_B ? again.b() : again.a();
      try (UdpPeer rx = to.call(() -> UdpPeer.bind("again-rx", to.address(), 0));
          UdpPeer tx = from.call(() -> UdpPeer.bind("again-tx", from.address(), 0))) {
        for (int i = 1; i <= count; i++) {
          tx.sendTo(rx.address(), io.netharness.payload.Payload.utf8(TransferSteps.line(i)));
        }
        org.awaitility.Awaitility.await().atMost(state.timeout())
            .until(() -> again.wire().counters(direction).packets() >= count);
      }
      List<String> after = fates(again, direction, count);
      log("seed " + first.wire().seed() + ", twice: " + before.stream().filter(f -> f.endsWith("dropped")).count()
          + " of " + count + " dropped each time, the same ones: " + before.equals(after));
      if (!before.equals(after)) {
        throw new ExpectationFailedException("expected the same fates with seed " + first.wire().seed()
            + ", but the first run gave " + before + " and the second " + after);
      }
    }
  }

  private static List<String> fates(Lab lab, Direction direction, int count) {
    lab.wire().flushCapture();
    return LabCapture.read(lab.wire().pcap().orElseThrow()).packets(p -> p.direction() == direction).stream()
        .limit(count).map(p -> p.index() + " " + p.fate()).toList();
  }

  @Then("the lab wire {word} packets from host {string}")
  public void wireDid(String verb, String host) {
    WireCounters counters = state.lab().wire().counters(from(host));
    long n = switch (verb.toLowerCase(Locale.ROOT)) {
      case "dropped" -> counters.dropped();
      case "duplicated" -> counters.duplicated();
      case "reordered" -> counters.reordered();
      case "corrupted" -> counters.corrupted();
      default -> throw new HarnessException("the lab wire dropped, duplicated, reordered or corrupted packets, not \""
          + verb + "\"");
    };
    if (n == 0) {
      throw new ExpectationFailedException("expected the wire to have " + verb + " packets from host \"" + host
          + "\", but it has not: " + counters);
    }
  }

  @Then("the kernel of lab host {string} counted TCP retransmissions")
  public void retransmissions(String host) {
    long n = awaitCounterAbove(host, "Tcp.RetransSegs", 0);
    if (n == 0) {
      throw new ExpectationFailedException("expected host \"" + host + "\"'s kernel to count retransmitted segments"
          + " (Tcp.RetransSegs), but it counted none");
    }
  }

  @Then("the kernel of lab host {string} dropped every corrupted {word} packet by its checksum")
  public void checksumDrops(String host, String protocol) {
    String key = switch (protocol.toUpperCase(Locale.ROOT)) {
      case "TCP" -> "Tcp.InCsumErrors";
      case "UDP" -> "Udp.InCsumErrors";
      default -> throw new HarnessException("checksum errors are counted for TCP or UDP, not \"" + protocol + "\"");
    };
    long corrupted = state.lab().wire().counters(into(host)).corrupted();
    long dropped = host(host).kernelCounters().get(key);
    log("wire corrupted " + corrupted + " packets into host " + host + "; its kernel: " + key + " = " + dropped);
    if (corrupted == 0 || dropped != corrupted) {
      throw new ExpectationFailedException("expected host \"" + host + "\"'s kernel to drop each of the " + corrupted
          + " corrupted packets the wire delivered, but " + key + " = " + dropped);
    }
  }

  @Then("the kernel counter {string} of lab host {string} is above {long}")
  public void counterAbove(String key, String host, long floor) {
    long n = awaitCounterAbove(host, key, floor);
    if (n <= floor) {
      throw new ExpectationFailedException("expected " + key + " of host \"" + host + "\" above " + floor
          + ", but it is " + n);
    }
  }

  @Given("a UDP socket on lab host {string} port {int} that nobody reads")
  public void silentSocket(String host, int port) {
    LabHost h = host(host);
    silent.add(h.call(() -> DatagramChannel.open().bind(new InetSocketAddress(h.address(), port))));
  }

  @After
  public void closeSilentSockets() throws IOException {
    for (DatagramChannel channel : silent) {
      channel.close();
    }
    silent.clear();
  }

  @Then("the lab capture shows host {string} advertising a zero window")
  public void zeroWindow(String host) {
    Direction direction = from(host);
    List<List<CapturedPacket>> closed = new ArrayList<>(List.of(List.of()));
    try {
      org.awaitility.Awaitility.await().atMost(state.timeout()).pollInterval(java.time.Duration.ofMillis(50))
          .until(() -> {
            closed.set(0, capture().packets(p -> p.direction() == direction && p.isTcp() && p.window() == 0
                && !p.hasFlags(CapturedPacket.RST)));
            return !closed.get(0).isEmpty();
          });
    } catch (org.awaitility.core.ConditionTimeoutException stillOpen) {
      throw new ExpectationFailedException("expected host \"" + host + "\" to advertise a zero window within "
          + state.timeout() + ", but every segment it sent had room; the capture begins:\n" + capture().head(8));
    }
    log(closed.get(0).size() + " segments with a zero window, the first: " + closed.get(0).get(0).summary());
  }

  @Then("the lab capture shows the TCP handshake before the first data byte")
  public void handshake() {
    LabCapture capture = capture();
    capture.expectHandshakeBeforeData();
    log(capture.head(6));
  }

  @Then("the lab capture shows TCP segments sent again")
  public void sentAgain() {
    LabCapture capture = capture();
    List<CapturedPacket> again = capture.retransmissions();
    if (again.isEmpty()) {
      throw new ExpectationFailedException("expected retransmitted segments in " + capture.pcap()
          + ", but every sequence number appears once");
    }
    log(again.size() + " segments sent again, the first: " + again.get(0).summary());
  }

  @Then("the lab capture shows UDP datagrams and no handshake")
  public void noHandshake() {
    LabCapture capture = capture();
    if (capture.packets().isEmpty() || !capture.packets().stream().allMatch(CapturedPacket::isUdp)
        || capture.packets().get(0).payloadLength() == 0) {
      throw new ExpectationFailedException("expected only UDP datagrams, the first already carrying data, in "
          + capture.pcap() + ":\n" + capture.head(6));
    }
    log(capture.head(3));
  }

  /** Waits up to the expectation timeout for a counter to pass {@code floor}; returns its last value. */
  private long awaitCounterAbove(String host, String key, long floor) {
    LabHost h = host(host);
    long[] last = {h.kernelCounters().get(key)};
    try {
      org.awaitility.Awaitility.await().atMost(state.timeout()).pollInterval(java.time.Duration.ofMillis(20))
          .until(() -> (last[0] = h.kernelCounters().get(key)) > floor);
    } catch (org.awaitility.core.ConditionTimeoutException stillNot) {
      // reported by the caller, with the value
    }
    log("kernel of host " + host + ": " + key + " = " + last[0]);
    return last[0];
  }

  private DeliveryReport udpReport(String receiver, int count, String sender) {
    Lab lab = state.lab();
    Direction direction = from(hostOf(sender));
    org.awaitility.Awaitility.await().atMost(state.timeout())
        .until(() -> lab.wire().counters(direction).packets() >= count);
    WireCounters counters = lab.wire().counters(direction);
    long expected = counters.forwarded() + counters.duplicated() - counters.corrupted();
    UdpPeer in = state.peer(receiver);
    in.awaitReceivedCount((int) Math.min(expected, count * 2L), state.timeout());
    List<Integer> sequence = in.received().stream()
        .map(d -> io.netharness.payload.NumberedMessages.shortest().number(new String(d.bytes(), StandardCharsets.UTF_8)))
        .toList();
    var sent = state.peer(sender).transcript();
    var firstSend = sent.first(io.netharness.TranscriptEvent.Kind.SENT).orElseThrow().at();
    var all = in.received();
    java.time.Duration took = all.isEmpty() ? java.time.Duration.ZERO : all.get(all.size() - 1).at()
        .plus(java.time.Duration.between(sent.startedAt(), in.transcript().startedAt())).minus(firstSend);
    DeliveryReport report = DeliveryReport.of("UDP " + sender + " -> " + receiver, count, sequence, took);
    log(DeliveryReport.table(List.of(report)) + "\nwire " + direction.arrow() + ": " + counters);
    return report;
  }

  private String hostOf(String peer) {
    String address = state.peer(peer).address().getAddress().getHostAddress();
    return address.equals(state.lab().a().address()) ? "a" : "b";
  }

  private LabCapture capture() {
    Lab lab = state.lab();
    lab.wire().flushCapture();
    return LabCapture.read(lab.wire().pcap().orElseThrow());
  }

  private LabHost host(String name) {
    return switch (name) {
      case "a" -> state.lab().a();
      case "b" -> state.lab().b();
      default -> throw new HarnessException("the packet lab has hosts \"a\" and \"b\", not \"" + name + "\"");
    };
  }

  private static Direction from(String host) {
    return switch (host) {
      case "a" -> Direction.A_TO_B;
      case "b" -> Direction.B_TO_A;
      default -> throw new HarnessException("the packet lab has hosts \"a\" and \"b\", not \"" + host + "\"");
    };
  }

  private static Direction into(String host) {
    return from(host) == Direction.A_TO_B ? Direction.B_TO_A : Direction.A_TO_B;
  }

  private Path capturePath() {
    Scenario scenario = state.get("lab.scenario", Scenario.class,
        "tag the scenario @lab: lab scenarios are skipped where the lab cannot run, and named after for their capture");
    String name = scenario.getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    Path dir = Path.of(System.getProperty("netharness.lab.captures", "target/netharness/lab"));
    return dir.resolve(name + ".pcap");
  }

  private void log(String text) {
    System.out.println(text);
    state.get("lab.scenario", Scenario.class).log(text);
  }
}
