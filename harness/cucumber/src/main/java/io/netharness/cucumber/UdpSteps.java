package io.netharness.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.payload.Payload;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Steps for UDP peers: each send is one datagram, delivered whole or not at all, with no
 * connection and no error when nobody listens.
 *
 * <pre>{@code
 * Given a UDP peer "a"
 * And a UDP peer "b"
 * When "a" sends the datagram "hello" to "b"
 * Then "b" receives the datagram "hello"
 * }</pre>
 */
public final class UdpSteps {
  private final HarnessState state;

  public UdpSteps(HarnessState state) {
    this.state = state;
  }

  @Given("a UDP peer {string}")
  public void peer(String name) {
    state.addPeer(name, UdpPeer.bind(name, "127.0.0.1", 0));
  }

  @Given("a UDP peer {string} on IPv6 loopback")
  public void ipv6Peer(String name) {
    state.addPeer(name, UdpPeer.bind(name, "::1", 0));
  }

  @When("{string} sends the datagram {string} to {string}")
  public void send(String peer, String text, String target) {
    state.peer(peer).sendTo(state.addressOf(target), Payload.utf8(text));
  }

  @When("{string} sends the datagram hex {string} to {string}")
  public void sendHex(String peer, String hex, String target) {
    state.peer(peer).sendTo(state.addressOf(target), Payload.hex(hex));
  }

  @When("{string} sends these datagrams to {string}:")
  public void sendAll(String peer, String target, List<String> datagrams) {
    InetSocketAddress to = state.addressOf(target);
    datagrams.forEach(d -> state.peer(peer).sendTo(to, Payload.utf8(d)));
  }

  @When("{string} sends a datagram of {int} random bytes with seed {long} to {string}")
  public void sendRandom(String peer, int size, long seed, String target) {
    state.peer(peer).sendTo(state.addressOf(target), randomBytes(size, seed));
  }

  @Then("{string} receives the datagram of {int} random bytes with seed {long}, whole")
  public void receivesRandom(String peer, int size, long seed) {
    byte[] expected = randomBytes(size, seed);
    RecordedDatagram got = state.peer(peer).receive(state.timeout());
    if (!java.util.Arrays.equals(got.bytes(), expected)) {
      throw new ExpectationFailedException("expected \"" + peer + "\" to receive the " + size + " random bytes with seed "
          + seed + " in one datagram, but it received " + got.bytes().length + " bytes"
          + (got.bytes().length == size ? " that differ" : ""));
    }
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }

  @When("{string} sends the datagram {string} to a port where nobody listens")
  public void sendToNobody(String peer, String text) {
    state.peer(peer).sendTo(Ports.unusedUdp(), Payload.utf8(text));
  }

  @Then("{string} receives the datagram {string}")
  public void receives(String peer, String text) {
    state.peer(peer).expectDatagram(Payload.utf8(text).bytes(), StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} receives the datagram hex {string}")
  public void receivesHex(String peer, String hex) {
    state.peer(peer).expectDatagram(io.netharness.payload.Hex.parse(hex), StandardCharsets.ISO_8859_1, state.timeout());
  }

  @Then("{string} receives these datagrams, each whole and in order:")
  public void receivesAll(String peer, List<String> expected) {
    for (String text : expected) {
      state.peer(peer).expectDatagram(Payload.utf8(text).bytes(), StandardCharsets.UTF_8, state.timeout());
    }
  }

  @Then("the datagram {string} received by {string} came from {string}")
  public void cameFrom(String text, String peer, String sender) {
    InetSocketAddress expected = state.peer(sender).address();
    UdpPeer receiver = state.peer(peer);
    java.util.function.Supplier<java.util.Optional<RecordedDatagram>> find = () -> receiver.received().stream()
        .filter(d -> new String(d.bytes(), StandardCharsets.UTF_8).equals(text)).findFirst();
    receiver.awaitReceivedCount(1, state.timeout());
    long deadline = System.nanoTime() + state.timeout().toNanos();
    while (find.get().isEmpty() && System.nanoTime() < deadline) {
      receiver.awaitReceivedCount(receiver.receivedCount() + 1, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }
    RecordedDatagram match = receiver.received().stream()
        .filter(d -> new String(d.bytes(), StandardCharsets.UTF_8).equals(text)).findFirst()
        .orElseThrow(() -> new ExpectationFailedException("\"" + peer + "\" received no datagram \"" + text + "\""));
    if (!match.sender().equals(expected)) {
      throw new ExpectationFailedException("the datagram \"" + text + "\" came from " + match.sender()
          + ", not from \"" + sender + "\" at " + expected);
    }
  }

  @Then("{string} receives no datagram for {duration}")
  public void nothing(String peer, Duration period) {
    state.peer(peer).expectNothing(period);
  }

  @Then("{string} has sent {int} datagram(s) without an error")
  public void sentWithoutError(String peer, int count) {
    long sent = state.peer(peer).sentCount();
    if (sent != count) {
      throw new ExpectationFailedException("\"" + peer + "\" sent " + sent + " datagrams, expected " + count);
    }
  }
}
