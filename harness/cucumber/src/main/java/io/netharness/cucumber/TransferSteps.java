package io.netharness.cucumber;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.payload.NumberedMessages;
import io.netharness.server.ServerConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Steps about whole transfers: numbered messages that must arrive complete and in order, and how
 * long a client's exchange took, read from its transcript's timestamps (lower bounds only).
 *
 * <pre>{@code
 * When "alice" sends 1000 numbered lines
 * Then "alice" receives 1000 numbered lines, complete and in order
 * And "alice" took at least 200 ms from its first send to its last receive
 * }</pre>
 */
public final class TransferSteps {
  private final HarnessState state;

  public TransferSteps(HarnessState state) {
    this.state = state;
  }

  @When("{string} sends {int} numbered lines")
  public void sendNumbered(String client, int count) {
    TcpClient c = state.client(client);
    for (int i = 1; i <= count; i++) {
      c.sendText(line(i) + "\n", StandardCharsets.UTF_8);
    }
  }

  @Then("{string} receives {int} numbered lines, complete and in order")
  public void clientReceivesNumbered(String client, int count) {
    state.client(client).inbound().expectNumberedLines(NumberedMessages.shortest(), count, state.timeout().multipliedBy(4));
  }

  @Then("{string} receives {int} numbered lines from {string}, complete and in order")
  public void serverReceivesNumbered(String server, int count, String client) {
    ServerConnection c = state.serverConnectionOf(server, client);
    c.awaitBytesOrEnd(state.client(client).bytesSent(), state.timeout().multipliedBy(4));
    c.received().expectNumberedLines(NumberedMessages.shortest(), count);
  }

  @Then("{string} receives exactly the {int} random bytes with seed {long} from {string}")
  public void receivesRandomExactly(String server, int count, long seed, String client) {
    byte[] expected = UdpSteps.randomBytes(count, seed);
    byte[] got = randomBytesReceived(server, count, client);
    int at = java.util.Arrays.mismatch(got, expected);
    if (at >= 0) {
      throw new ExpectationFailedException("expected \"" + server + "\" to receive exactly the " + count
          + " random bytes with seed " + seed + " from \"" + client + "\", but "
          + (got.length != count ? "it received " + got.length : "byte " + at + " differs") + differences(got, expected));
    }
  }

  @Then("{string} receives {int} bytes from {string} that are not the random bytes with seed {long}")
  public void receivesRandomCorrupted(String server, int count, String client, long seed) {
    byte[] expected = UdpSteps.randomBytes(count, seed);
    byte[] got = randomBytesReceived(server, count, client);
    if (got.length != count || java.util.Arrays.equals(got, expected)) {
      throw new ExpectationFailedException("expected \"" + server + "\" to receive " + count + " bytes from \"" + client
          + "\" that differ from what it sent, but it received " + got.length + " bytes"
          + (got.length == count ? ", each as sent" : ""));
    }
    System.out.println("\"" + server + "\" received " + count + " bytes from \"" + client + "\", wrong at"
        + differences(got, expected));
  }

  private byte[] randomBytesReceived(String server, int count, String client) {
    ServerConnection c = state.serverConnectionOf(server, client);
    c.awaitBytesOrEnd(count, state.timeout().multipliedBy(4));
    return c.receivedBytes();
  }

  /** The offsets where two byte arrays differ (the first ten), for a failure message or the log. */
  private static String differences(byte[] got, byte[] expected) {
    StringBuilder at = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < Math.min(got.length, expected.length) && shown < 10; i++) {
      if (got[i] != expected[i]) {
        at.append(shown++ == 0 ? " offsets " : ", ").append(i);
      }
    }
    return shown == 0 ? "" : at.toString();
  }

  @Then("{string} took at least {duration} from its first send to its last receive")
  public void tookAtLeast(String client, Duration minimum) {
    Duration took = exchange(client);
    if (took.compareTo(minimum) < 0) {
      throw new ExpectationFailedException("client \"" + client + "\": expected its exchange to take at least "
          + minimum.toMillis() + " ms, but it took " + took.toNanos() / 1e6 + " ms (first send to last receive)");
    }
  }

  @Then("{string} took at least {duration} from connecting to its last receive")
  public void tookAtLeastFromConnect(String client, Duration minimum) {
    Transcript t = state.client(client).transcript();
    List<TranscriptEvent> receives = t.events(TranscriptEvent.Kind.RECEIVED);
    Duration connected = t.first(TranscriptEvent.Kind.CONNECTED).map(TranscriptEvent::at).orElse(Duration.ZERO);
    if (receives.isEmpty()) {
      throw new ExpectationFailedException("client \"" + client + "\" has received nothing yet");
    }
    Duration took = receives.get(receives.size() - 1).at().minus(connected);
    if (took.compareTo(minimum) < 0) {
      throw new ExpectationFailedException("client \"" + client + "\": expected at least " + minimum.toMillis()
          + " ms from connecting to its last receive, but it took " + took.toNanos() / 1e6 + " ms");
    }
  }

  @Then("{string} took longer from its first send to its last receive than {string}")
  public void tookLonger(String slower, String faster) {
    Duration slow = exchange(slower);
    Duration fast = exchange(faster);
    if (slow.compareTo(fast) <= 0) {
      throw new ExpectationFailedException("expected \"" + slower + "\" (" + slow.toNanos() / 1e6 + " ms) to take longer than \""
          + faster + "\" (" + fast.toNanos() / 1e6 + " ms)");
    }
  }

  private Duration exchange(String client) {
    Transcript t = state.client(client).transcript();
    Optional<TranscriptEvent> firstSend = t.first(TranscriptEvent.Kind.SENT);
    List<TranscriptEvent> receives = t.events(TranscriptEvent.Kind.RECEIVED);
    if (firstSend.isEmpty() || receives.isEmpty()) {
      throw new ExpectationFailedException("client \"" + client + "\" has " + (firstSend.isEmpty() ? "sent" : "received")
          + " nothing yet, so there is no exchange to time");
    }
    return receives.get(receives.size() - 1).at().minus(firstSend.get().at());
  }

  /** Numbered line {@code i} without its newline: {@code msg-000042} (see {@link io.netharness.payload.NumberedMessages}). */
  static String line(int i) {
    return io.netharness.payload.NumberedMessages.shortest().line(i);
  }
}
