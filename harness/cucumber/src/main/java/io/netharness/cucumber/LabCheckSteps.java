package io.netharness.cucumber;

import io.cucumber.java.en.Then;
import io.netharness.ExpectationFailedException;
import io.netharness.HarnessException;
import io.netharness.lab.CapturedPacket;
import io.netharness.lab.Direction;
import io.netharness.lab.Lab;
import io.netharness.lab.LabCapture;
import io.netharness.lab.LabHost;
import io.netharness.lab.WireCounters;
import io.netharness.udp.UdpPeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the packet lab saw: what arrived (each TCP byte once; UDP datagrams lost, duplicated, reordered or
 * corrupted), what the wire did (its counters, each packet's delay), and what the capture shows (the handshake,
 * segments sent again, a zero window, the largest packet, IP fragments); what the kernels counted is for
 * {@link LabKernelSteps}. Each check prints what it read, so a passing run still shows the evidence.
 *
 * <pre>{@code
 * Then "srv" receives 200 numbered lines from "alice", complete and in order
 * And the lab wire dropped packets from host "a"
 * And the lab capture shows TCP segments sent again
 * }</pre>
 */
public final class LabCheckSteps {
  private final HarnessState state;
  private final LabContext lab;

  public LabCheckSteps(HarnessState state) {
    this.state = state;
    this.lab = new LabContext(state);
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

  @Then("{string} got the {int} numbered datagrams from {string} less exactly the ones the lab wire dropped")
  public void lostWhatTheWireDropped(String receiver, int count, String sender) {
    DeliveryReport report = udpReport(receiver, count, sender);
    WireCounters counters = state.lab().wire().counters(lab.from(hostOf(sender)));
    long dropped = counters.dropped() + counters.queueDrops();
    if (dropped == 0 || report.lost() != dropped) {
      throw new ExpectationFailedException("expected \"" + receiver + "\" to miss exactly the " + dropped
          + " datagrams the wire dropped (" + counters + "), but it missed " + report.lost() + ":\n"
          + DeliveryReport.table(List.of(report)));
    }
  }

  @Then("{string} received the {int} numbered datagrams from {string}, each one the lab wire corrupted with wrong bytes")
  public void corruptedDatagramsDelivered(String receiver, int count, String sender) {
    Direction direction = lab.from(hostOf(sender));
    Lab running = state.lab();
    org.awaitility.Awaitility.await().atMost(state.timeout())
        .until(() -> running.wire().counters(direction).packets() >= count);
    UdpPeer in = state.peer(receiver);
    in.awaitReceivedCount(count, state.timeout());
    java.util.Set<String> sent = new java.util.HashSet<>();
    for (int i = 1; i <= count; i++) {
      sent.add(TransferSteps.line(i));
    }
    long wrong = in.received().stream().map(d -> new String(d.bytes(), StandardCharsets.ISO_8859_1))
        .filter(text -> !sent.contains(text)).count();
    long corrupted = running.wire().counters(direction).corrupted();
    String checksumKey = "Udp.InCsumErrors";
    long checksumDrops = lab.host(hostOf(receiver)).kernelCounters().get(checksumKey);
    lab.log("\"" + receiver + "\" received " + in.receivedCount() + " datagrams, " + wrong + " with wrong bytes; the wire"
        + " corrupted " + corrupted + "; " + checksumKey + " = " + checksumDrops);
    if (in.receivedCount() != count || corrupted == 0 || wrong != corrupted || checksumDrops != 0) {
      throw new ExpectationFailedException("expected \"" + receiver + "\" to receive all " + count + " datagrams, the "
          + corrupted + " the wire corrupted with wrong bytes and no checksum drops, but it received "
          + in.receivedCount() + ", " + wrong + " wrong, and " + checksumKey + " = " + checksumDrops);
    }
  }

  @Then("a second lab with the same seed gives the same fates to {int} numbered datagrams from host {string}")
  public void sameFatesAgain(int count, String host) {
    Lab first = state.lab();
    Direction direction = lab.from(host);
    List<String> before = fates(first, direction, count);
    Path pcap = lab.capturePath().resolveSibling(lab.capturePath().getFileName().toString().replace(".pcap", "-again.pcap"));
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
      lab.log("seed " + first.wire().seed() + ", twice: " + before.stream().filter(f -> f.endsWith("dropped")).count()
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
    WireCounters counters = state.lab().wire().counters(lab.from(host));
    long n = switch (verb.toLowerCase(Locale.ROOT)) {
      case "dropped" -> counters.dropped();
      case "queue-dropped" -> counters.queueDrops();
      case "duplicated" -> counters.duplicated();
      case "reordered" -> counters.reordered();
      case "corrupted" -> counters.corrupted();
      default -> throw new HarnessException("the lab wire dropped, queue-dropped, duplicated, reordered or corrupted"
          + " packets, not \"" + verb + "\"");
    };
    if (n == 0) {
      throw new ExpectationFailedException("expected the wire to have " + verb + " packets from host \"" + host
          + "\", but it has not: " + counters);
    }
  }

  @Then("the lab wire held the packets from host {string} between {duration} and {duration}, spread over at least {duration}")
  public void heldBetween(String host, java.time.Duration low, java.time.Duration high, java.time.Duration spread) {
    Direction direction = lab.from(host);
    List<java.time.Duration> delays = lab.capture().packets(p -> p.direction() == direction && !p.dropped()).stream()
        .map(p -> p.delay().orElseThrow(() -> new ExpectationFailedException("expected the wire to delay the packets"
            + " from host \"" + host + "\", but frame " + p.frame() + " went straight through: " + p.summary())))
        .sorted().toList();
    if (delays.isEmpty()) {
      throw new ExpectationFailedException("expected packets from host \"" + host + "\" on the wire, but there were none");
    }
    java.time.Duration min = delays.get(0);
    java.time.Duration max = delays.get(delays.size() - 1);
    lab.log(delays.size() + " packets from host " + host + " held " + LabContext.millis(min) + " to "
        + LabContext.millis(max)
        + " (median " + LabContext.millis(delays.get(delays.size() / 2)) + ")");
    if (min.compareTo(low) < 0 || max.compareTo(high) > 0 || max.minus(min).compareTo(spread) < 0) {
      throw new ExpectationFailedException("expected the packets from host \"" + host + "\" held between " + LabContext.millis(low)
          + " and " + LabContext.millis(high) + ", spread over at least " + LabContext.millis(spread) + ", but they were held "
          + LabContext.millis(min) + " to " + LabContext.millis(max));
    }
  }


  @Then("the lab capture shows host {string} advertising a zero window")
  public void zeroWindow(String host) {
    Direction direction = lab.from(host);
    List<List<CapturedPacket>> closed = new ArrayList<>(List.of(List.of()));
    try {
      org.awaitility.Awaitility.await().atMost(state.timeout()).pollInterval(java.time.Duration.ofMillis(50))
          .until(() -> {
            closed.set(0, lab.capture().packets(p -> p.direction() == direction && p.isTcp() && p.window() == 0
                && !p.hasFlags(CapturedPacket.RST)));
            return !closed.get(0).isEmpty();
          });
    } catch (org.awaitility.core.ConditionTimeoutException stillOpen) {
      throw new ExpectationFailedException("expected host \"" + host + "\" to advertise a zero window within "
          + state.timeout() + ", but every segment it sent had room; the capture begins:\n" + lab.capture().head(8));
    }
    lab.log(closed.get(0).size() + " segments with a zero window, the first: " + closed.get(0).get(0).summary());
  }

  @Then("the lab capture shows the TCP handshake before the first data byte")
  public void handshake() {
    LabCapture capture = lab.capture();
    capture.expectHandshakeBeforeData();
    lab.log(capture.head(6));
  }

  @Then("the lab capture shows TCP segments sent again")
  public void sentAgain() {
    LabCapture capture = lab.capture();
    List<CapturedPacket> again = capture.retransmissions();
    if (again.isEmpty()) {
      throw new ExpectationFailedException("expected retransmitted segments in " + capture.pcap()
          + ", but every sequence number appears once");
    }
    lab.log(again.size() + " segments sent again, the first: " + again.get(0).summary());
  }

  @Then("the largest packet in the lab capture is {int} bytes")
  public void largestPacket(int size) {
    LabCapture capture = lab.capture();
    CapturedPacket largest = capture.packets().stream()
        .max(java.util.Comparator.comparingInt(CapturedPacket::length)).orElseThrow(() ->
            new ExpectationFailedException("expected packets in " + capture.pcap() + ", but it is empty"));
    long fragments = capture.packets().stream().filter(CapturedPacket::isFragment).count();
    lab.log(capture.packets().size() + " packets, " + fragments + " IP fragments, the largest " + largest.length()
        + " bytes: " + largest.summary());
    if (largest.length() != size) {
      throw new ExpectationFailedException("expected the largest packet in the capture to be " + size
          + " bytes, but it is " + largest.length() + ": " + largest.summary());
    }
  }

  @Then("the lab capture shows host {string} sending one datagram in {int} IP fragments")
  public void fragments(String host, int count) {
    Direction direction = lab.from(host);
    LabCapture capture = lab.capture();
    List<CapturedPacket> fragments = capture.packets(p -> p.direction() == direction && p.isFragment());
    fragments.forEach(p -> lab.log(p.summary() + ", " + p.length() + " bytes" + (p.dontFragment() ? ", DF" : "")));
    boolean oneDatagram = fragments.size() == count && fragments.get(0).isUdp()
        && !fragments.get(count - 1).moreFragments() && fragments.stream().noneMatch(CapturedPacket::dontFragment);
    if (!oneDatagram) {
      throw new ExpectationFailedException("expected host \"" + host + "\" to send one UDP datagram in " + count
          + " IP fragments (the first with the UDP header, the last without MF), but the capture has "
          + fragments.size() + ":\n" + capture.head(8));
    }
  }

  @Then("the lab capture shows UDP datagrams and no handshake")
  public void noHandshake() {
    LabCapture capture = lab.capture();
    if (capture.packets().isEmpty() || !capture.packets().stream().allMatch(CapturedPacket::isUdp)
        || capture.packets().get(0).payloadLength() == 0) {
      throw new ExpectationFailedException("expected only UDP datagrams, the first already carrying data, in "
          + capture.pcap() + ":\n" + capture.head(6));
    }
    lab.log(capture.head(3));
  }

  private DeliveryReport udpReport(String receiver, int count, String sender) {
    Lab running = state.lab();
    Direction direction = lab.from(hostOf(sender));
    org.awaitility.Awaitility.await().atMost(state.timeout())
        .until(() -> running.wire().counters(direction).packets() >= count);
    WireCounters counters = running.wire().counters(direction);
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
    lab.log(DeliveryReport.table(List.of(report)) + "\nwire " + direction.arrow() + ": " + counters);
    return report;
  }

  private String hostOf(String peer) {
    String address = state.peer(peer).address().getAddress().getHostAddress();
    return address.equals(state.lab().a().address()) ? "a" : "b";
  }
}
