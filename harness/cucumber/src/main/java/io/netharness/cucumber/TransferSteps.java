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
