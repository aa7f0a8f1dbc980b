package io.netharness.cucumber;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.payload.Hex;
import io.netharness.payload.Payload;
import io.netharness.server.ServerConnection;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Steps about what a server got from one client, and what the server does to that connection.
 * The client is named; the server finds its connection by the client's address.
 *
 * <pre>{@code
 * Then "srv" receives "hello" from "alice"
 * Then "srv" got the bytes from "alice" in at least 5 reads
 * Then "srv" sees "alice" disconnect
 * When "srv" replies "收到" to "alice"
 * }</pre>
 */
public final class ReceivedSteps {
  private final HarnessState state;

  public ReceivedSteps(HarnessState state) {
    this.state = state;
  }

  @Then("{string} receives {string} from {string}")
  public void receivesText(String server, String text, String client) {
    consume(server, client, Payload.utf8(text).bytes(), StandardCharsets.UTF_8, "\"" + text + "\"");
  }

  @Then("{string} receives {string} encoded as {charset} from {string}")
  public void receivesEncoded(String server, String text, Charset charset, String client) {
    consume(server, client, Payload.text(text, charset).bytes(), charset, "\"" + text + "\" encoded as " + charset.name());
  }

  @Then("{string} receives hex {string} from {string}")
  public void receivesHex(String server, String hex, String client) {
    consume(server, client, Hex.parse(hex), StandardCharsets.ISO_8859_1, "hex \"" + hex + "\"");
  }

  @Then("{string} receives {size} from {string}")
  public void receivesCount(String server, Long bytes, String client) {
    if (bytes > ServerConnection.RECORD_LIMIT) {
      throw new io.netharness.HarnessException("\"" + server + "\" receives " + bytes + " bytes: a receive check takes at"
          + " most " + (ServerConnection.RECORD_LIMIT >> 20) + " MiB; for a total, write: Then \"" + server
          + "\" has received " + bytes + " bytes from \"" + client + "\"");
    }
    connection(server, client).inbound().receiveBytes(bytes.intValue(), state.timeout());
  }

  @Then("{string} has received {string} from {string}")
  public void hasReceivedText(String server, String text, String client) {
    settled(server, client).awaitReceivedText(text, StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} has received {string} encoded as {charset} from {string}")
  public void hasReceivedEncoded(String server, String text, Charset charset, String client) {
    settled(server, client).awaitReceivedText(text, charset, state.timeout());
  }

  @Then("{string} has received hex {string} from {string}")
  public void hasReceivedHex(String server, String hex, String client) {
    settled(server, client).awaitReceived(Hex.parse(hex), StandardCharsets.ISO_8859_1, state.timeout());
  }

  @Then("{string} has received {size} from {string}")
  public void hasReceivedCount(String server, Long bytes, String client) {
    settled(server, client).received().expectCount(bytes, state.timeout());
  }

  @Then("{string} got the bytes from {string} in {int} read(s)")
  public void readsExactly(String server, String client, int reads) {
    arrived(server, client).received().expectReads(reads);
  }

  @Then("{string} got the bytes from {string} in at least {int} reads")
  public void readsAtLeast(String server, String client, int reads) {
    arrived(server, client).received().expectAtLeastReads(reads);
  }

  @Then("{string} got these messages from {string}:")
  public void gotMessages(String server, String client, List<String> expected) {
    settled(server, client).received().expectMessages(expected, StandardCharsets.UTF_8, state.timeout());
  }

  @Then("the messages {string} received from {string} as {framing} are:")
  public void messagesAre(String server, String client, Framing framing, List<String> expected) {
    arrived(server, client).received().expectSplit(framing, expected, StandardCharsets.UTF_8);
  }

  @Then("what {string} received from {string}, decoded as {charset}, reads {string}")
  public void decodesTo(String server, String client, Charset charset, String expected) {
    arrived(server, client).received().expectDecodesTo(charset, expected);
  }

  @Then("what {string} received from {string}, decoded as {charset}, does not read {string}")
  public void doesNotDecodeTo(String server, String client, Charset charset, String text) {
    arrived(server, client).received().expectDoesNotDecodeTo(charset, text);
  }

  @Then("what {string} received from {string} is not valid {charset}")
  public void notWellFormed(String server, String client, Charset charset) {
    arrived(server, client).received().expectMalformed(charset);
  }

  @Then("{string} sees {string} disconnect")
  public void seesDisconnect(String server, String client) {
    connection(server, client).awaitPeerClosed(state.timeout());
  }

  @Then("{string} sees {string} reset the connection")
  public void seesReset(String server, String client) {
    connection(server, client).awaitPeerReset(state.timeout());
  }

  @When("{string} replies {string} to {string}")
  public void replies(String server, String text, String client) {
    reply(server, client, Payload.utf8(text).bytes());
  }

  @When("{string} replies hex {string} to {string}")
  public void repliesHex(String server, String hex, String client) {
    reply(server, client, Payload.hex(hex).bytes());
  }

  @When("{string} replies the line {string} to {string}")
  public void repliesLine(String server, String text, String client) {
    reply(server, client, Framing.lines().encode(Payload.utf8(text).bytes()));
  }

  @When("{string} replies the line {string} ending with {lineEnding} to {string}")
  public void repliesLine(String server, String text, io.netharness.payload.LineEnding ending, String client) {
    reply(server, client, ending.terminate(Payload.utf8(text).bytes()));
  }

  /** Sends, or fails naming why the connection cannot take it (closed, reset, closed in answer to a FIN). */
  private void reply(String server, String client, byte[] bytes) {
    ServerConnection c = connection(server, client);
    try {
      c.send(bytes);
    } catch (io.netharness.HarnessException e) {
      String hint = c.peerClosed() && c.closesOnPeerClose()
          ? ". To reply after a client's FIN, add: Given \"" + server + "\" keeps connections open after a client's FIN"
          : "";
      throw new io.netharness.HarnessException("\"" + server + "\" cannot reply to \"" + client + "\": " + e.getMessage()
          + hint, e);
    }
  }

  @When("{string} closes the connection to {string}")
  public void closes(String server, String client) {
    connection(server, client).close();
  }

  @When("{string} resets the connection to {string}")
  public void resets(String server, String client) {
    connection(server, client).abort();
  }

  /**
   * Consumes {@code expected} from what the client sent (like a client's receive); when that fails
   * but everything received so far equals it, says how to write the cumulative check.
   */
  private void consume(String server, String client, byte[] expected, Charset charset, String what) {
    ServerConnection c = connection(server, client);
    try {
      c.inbound().expectBytes(expected, charset, state.timeout());
    } catch (ExpectationFailedException e) {
      if (java.util.Arrays.equals(c.receivedBytes(), expected)) {
        throw new ExpectationFailedException(e.getMessage() + "\nEverything \"" + server + "\" received from \"" + client
            + "\" so far does equal " + what + ", but earlier checks consumed part of it. A receive check consumes what it"
            + " matched; to compare everything so far, write: Then \"" + server + "\" has received " + what + " from \""
            + client + "\"", e);
      }
      throw e;
    }
  }

  /**
   * The connection once everything the client sent has arrived or it can no longer arrive (the
   * connection ended, or the wait ran out — the exact check that follows then says what is wrong).
   */
  private ServerConnection settled(String server, String client) {
    ServerConnection c = connection(server, client);
    long sent = state.client(client).bytesSent();
    c.awaitBytesOrEnd(sent, state.timeout()); // if not, the exact check that follows shows what did arrive
    return c;
  }

  /** The connection, once every byte the client has sent so far has arrived there (else a failure). */
  private ServerConnection arrived(String server, String client) {
    ServerConnection c = settled(server, client);
    c.awaitBytesReceived(state.client(client).bytesSent(), Duration.ZERO); // settled already waited
    return c;
  }

  private ServerConnection connection(String server, String client) {
    return state.serverConnectionOf(server, client);
  }
}
