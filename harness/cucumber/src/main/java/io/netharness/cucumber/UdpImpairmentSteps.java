package io.netharness.cucumber;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.HarnessException;
import io.netharness.TranscriptEvent;
import io.netharness.impairment.Impairment;
import io.netharness.impairment.Impairments;
import io.netharness.impairment.UdpDirection;
import io.netharness.impairment.UdpRelay;
import io.netharness.payload.Payload;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * UDP through an impairment relay: loss, bursts, duplicates, reordering, delay, corruption, a rate
 * limit or a blackhole, seeded so datagram n meets the same fate on every run. Embedded backend
 * only (tag {@code @udp}): Toxiproxy has no UDP.
 *
 * <pre>{@code
 * Given a UDP relay "lossy" in front of "b" with seed 42 that impairs upstream datagrams with:
 *   | loss      | 20% |
 *   | duplicate | 5%  |
 * When "a" sends 1000 numbered datagrams to "lossy"
 * Then the delivery to "b" of 1000 numbered datagrams through "lossy" is incomplete
 * }</pre>
 */
public final class UdpImpairmentSteps {
  private final HarnessState state;

  public UdpImpairmentSteps(HarnessState state) {
    this.state = state;
  }

  @Before
  public void rememberScenario(Scenario scenario) {
    state.put("scenario", scenario);
  }

  @Given("a UDP relay {string} in front of {string} with seed {long}")
  public void relay(String name, String target, long seed) {
    state.addRelay(name, UdpRelay.builder().target(state.addressOf(target)).seed(seed).start());
  }

  @Given("a UDP relay {string} in front of {string} with seed {long} that impairs {word} datagrams with:")
  public void impairedRelay(String name, String target, long seed, String direction, Map<String, String> impairments) {
    UdpDirection d = switch (direction.toLowerCase(Locale.ROOT)) {
      case "upstream" -> UdpDirection.UPSTREAM;
      case "downstream" -> UdpDirection.DOWNSTREAM;
      default -> throw new HarnessException("a relay impairs upstream or downstream datagrams, not \"" + direction + "\"");
    };
    List<Impairment> list = new ArrayList<>();
    impairments.forEach((kind, value) -> list.add(impairment(kind, value)));
    state.addRelay(name, UdpRelay.builder().target(state.addressOf(target)).seed(seed)
        .impair(d, list.toArray(Impairment[]::new)).start());
  }

  @When("{string} sends {int} numbered datagrams to {string}")
  public void sendNumbered(String peer, int count, String target) {
    UdpPeer p = state.peer(peer);
    var to = state.addressOf(target);
    for (int i = 1; i <= count; i++) {
      p.sendTo(to, Payload.utf8(TransferSteps.line(i)));
    }
  }

  @Then("the delivery to {string} of {int} numbered datagrams from {string} through {string} is incomplete")
  public void incomplete(String receiver, int count, String sender, String relay) {
    DeliveryReport report = udpReport(receiver, count, sender, relay);
    if (report.completeAndInOrder()) {
      throw new ExpectationFailedException("expected UDP to lose, duplicate or reorder something, but all " + count
          + " datagrams arrived once and in order:\n" + DeliveryReport.table(List.of(report)));
    }
  }

  @Then("of {int} datagrams each, relays {string} and {string} dropped the same ones")
  public void sameFates(int count, String first, String second) {
    for (String relay : List.of(first, second)) {
      state.relay(relay).awaitReceived(UdpDirection.UPSTREAM, count, state.timeout());
      state.relay(relay).awaitSettled(state.timeout());
    }
    List<Long> a = state.relay(first).droppedIndices(UdpDirection.UPSTREAM);
    List<Long> b = state.relay(second).droppedIndices(UdpDirection.UPSTREAM);
    if (a.isEmpty() || !a.equals(b)) {
      throw new ExpectationFailedException("expected both relays to drop the same datagrams, but \"" + first + "\" dropped "
          + a + " and \"" + second + "\" dropped " + b);
    }
  }

  @Then("{string} was never told about a lost datagram")
  public void senderNeverTold(String sender) {
    var errors = state.peer(sender).transcript().events(TranscriptEvent.Kind.ERROR);
    if (!errors.isEmpty()) {
      throw new ExpectationFailedException("\"" + sender + "\" saw errors: " + errors);
    }
  }

  @Then("the delivery table for {string} with {int} numbered lines and {string} with {int} numbered datagrams from {string} through {string} shows TCP complete and UDP not")
  public void sideBySide(String tcpClient, int lines, String udpReceiver, int datagrams, String udpSender, String relay) {
    DeliveryReport tcp = tcpReport(tcpClient, lines);
    DeliveryReport udp = udpReport(udpReceiver, datagrams, udpSender, relay);
    String table = DeliveryReport.table(List.of(tcp, udp));
    state.get("scenario", Scenario.class).log(table);
    System.out.println(table);
    if (!tcp.completeAndInOrder() || udp.completeAndInOrder()) {
      throw new ExpectationFailedException("expected TCP complete and in order, UDP not:\n" + table);
    }
  }

  private DeliveryReport tcpReport(String client, int lines) {
    var c = state.client(client);
    List<Integer> sequence = new ArrayList<>();
    for (int i = 1; i <= lines; i++) {
      String line = c.receiveLine(StandardCharsets.UTF_8, state.timeout().multipliedBy(4));
      sequence.add(number(line));
    }
    var t = c.transcript();
    var received = t.events(TranscriptEvent.Kind.RECEIVED);
    Duration took = received.get(received.size() - 1).at().minus(t.first(TranscriptEvent.Kind.SENT).orElseThrow().at());
    return DeliveryReport.of("TCP " + client, lines, sequence, took);
  }

  private DeliveryReport udpReport(String receiver, int count, String sender, String relay) {
    UdpRelay r = state.relay(relay);
    UdpPeer in = state.peer(receiver);
    r.awaitReceived(UdpDirection.UPSTREAM, count, state.timeout());
    r.awaitSettled(state.timeout());
    var stats = r.stats(UdpDirection.UPSTREAM);
    in.awaitReceivedCount((int) (stats.forwarded() + stats.duplicated()), state.timeout());
    List<Integer> sequence = in.received().stream()
        .map(d -> number(new String(d.bytes(), StandardCharsets.UTF_8)))
        .toList();
    List<RecordedDatagram> all = in.received();
    Duration firstSend = state.peer(sender).transcript().first(TranscriptEvent.Kind.SENT).orElseThrow().at();
    Duration took = all.isEmpty() ? Duration.ZERO
        : all.get(all.size() - 1).at().plus(Duration.between(state.peer(sender).transcript().startedAt(),
            in.transcript().startedAt())).minus(firstSend);
    return DeliveryReport.of("UDP " + sender + " -> " + receiver, count, sequence, took);
  }

  private static int number(String text) {
    return io.netharness.payload.NumberedMessages.shortest().number(text); // -1 when corrupted: counts as lost
  }

  private static Impairment impairment(String kind, String value) {
    String v = value.trim();
    double p = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : 0;
    return switch (kind.trim().toLowerCase(Locale.ROOT)) {
      case "loss" -> Impairments.loss(p);
      case "duplicate" -> Impairments.duplicate(p);
      case "reorder" -> Impairments.reorder(p, 2);
      case "corrupt" -> Impairments.corrupt(p);
      case "delay" -> Impairments.delay(new ParameterTypes().duration(v.replaceAll("[^0-9.]", ""), v.replaceAll("[0-9. ]", "")));
      case "blackhole" -> Impairments.blackhole();
      default -> throw new HarnessException("unknown UDP impairment \"" + kind + "\": use loss, duplicate, reorder,"
          + " corrupt, delay or blackhole (e.g. | loss | 20% |)");
    };
  }
}
