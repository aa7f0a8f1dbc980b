package io.netharness.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.client.TcpClient;
import io.netharness.payload.Hex;
import io.netharness.payload.Payload;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Steps for TCP clients: connect to a server of the scenario or to any {@code host:port}, send,
 * receive, close. Text is UTF-8 unless the step names a charset.
 *
 * <pre>{@code
 * Given a TCP client "alice" connected to "srv"
 * When "alice" sends "哈哈呵呵呵" encoded as GBK
 * Then "alice" receives the line "收到"
 * When "alice" closes the connection
 * }</pre>
 */
public final class ClientSteps {
  private final HarnessState state;

  public ClientSteps(HarnessState state) {
    this.state = state;
  }

  @Given("a TCP client {string} connected to {string}")
  @When("a TCP client {string} connects to {string}")
  public void connect(String name, String target) {
    state.addClient(name, TcpClient.builder().name(name).address(state.addressOf(target)).connect());
    state.route(name, target);
  }

  @Given("a TCP client {string} connected to {string} with {framing} framing")
  public void connectFramed(String name, String target, Framing framing) {
    state.addClient(name, TcpClient.builder().name(name).address(state.addressOf(target)).framing(framing).connect());
    state.route(name, target);
  }

  @When("a TCP client {string} tries to connect to {string}")
  public void tryConnect(String name, String target) {
    state.attempt(() -> state.addClient(name,
        TcpClient.builder().name(name).address(state.addressOf(target)).connectTimeout(state.timeout()).connect()));
  }

  @When("{int} TCP clients connect to {string}")
  public void connectMany(int count, String target) {
    for (int i = 1; i <= count; i++) {
      connect("client-" + i, target);
    }
  }

  @When("every client sends its own name as a line")
  public void everyClientSendsItsName() {
    for (String name : state.clientNames()) {
      state.client(name).sendText(name + "\n", StandardCharsets.UTF_8);
    }
  }

  @Then("every client receives its own name back as a line")
  public void everyClientReceivesItsName() {
    for (String name : state.clientNames()) {
      String line = state.client(name).receiveLine(StandardCharsets.UTF_8, state.timeout());
      if (!line.equals(name)) {
        throw new ExpectationFailedException("client \"" + name + "\" received \"" + line + "\" instead of its own name");
      }
    }
  }

  @When("{string} sends {string}")
  public void sendText(String client, String text) {
    state.client(client).send(Payload.utf8(text));
  }

  @When("{string} sends {string} encoded as {charset}")
  public void sendEncoded(String client, String text, Charset charset) {
    state.client(client).send(Payload.text(text, charset));
  }

  @When("{string} sends the line {string}")
  public void sendLine(String client, String text) {
    state.client(client).sendFramed(Payload.utf8(text), Framing.lines());
  }

  @When("{string} sends the line {string} ending with {lineEnding}")
  public void sendLine(String client, String text, io.netharness.payload.LineEnding ending) {
    state.client(client).send(ending.terminate(Payload.utf8(text).bytes()));
  }

  @When("{string} sends hex {string}")
  public void sendHex(String client, String hex) {
    state.client(client).send(Payload.hex(hex));
  }

  @When("{string} sends base64 {string}")
  public void sendBase64(String client, String base64) {
    state.client(client).send(Payload.base64(base64));
  }

  @When("{string} sends {string} framed as {framing}")
  public void sendFramed(String client, String text, Framing framing) {
    state.client(client).sendFramed(Payload.utf8(text), framing);
  }

  @When("{string} sends {int} random bytes with seed {long}")
  public void sendRandom(String client, int count, long seed) {
    byte[] bytes = new byte[count];
    new Random(seed).nextBytes(bytes);
    state.client(client).send(bytes);
  }

  @When("{string} sends the file {string}")
  public void sendFile(String client, String fixture) {
    state.client(client).sendFile(Fixtures.resolve(fixture));
  }

  @When("{string} closes the connection")
  public void close(String client) {
    state.client(client).close();
  }

  @When("{string} shuts down its output")
  public void shutdownOutput(String client) {
    state.client(client).shutdownOutput();
  }

  @When("{string} aborts the connection")
  public void abort(String client) {
    state.client(client).abort();
  }

  @Then("{string} receives {string}")
  public void receivesText(String client, String text) {
    state.client(client).expectText(text, StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} receives {string} encoded as {charset}")
  public void receivesEncoded(String client, String text, Charset charset) {
    state.client(client).expectText(text, charset, state.timeout());
  }

  @Then("{string} receives hex {string}")
  public void receivesHex(String client, String hex) {
    state.client(client).expectBytes(Hex.parse(hex), state.timeout());
  }

  @Then("{string} receives the line {string}")
  public void receivesLine(String client, String expected) {
    state.client(client).inbound().expectLine(expected, StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} receives the line {string} ending with {lineEnding}")
  public void receivesLine(String client, String expected, io.netharness.payload.LineEnding ending) {
    state.client(client).inbound().expectLine(expected, ending, StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} receives a line matching {string}")
  public void receivesLineMatching(String client, String regex) {
    state.client(client).inbound().expectLineMatching(Pattern.compile(regex), StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} receives text matching {string}")
  public void receivesMatching(String client, String regex) {
    state.client(client).receiveMatching(Pattern.compile(regex), StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} receives the message {string}")
  public void receivesFrame(String client, String expected) {
    state.client(client).inbound().expectFrame(Payload.utf8(expected).bytes(), StandardCharsets.UTF_8, state.timeout());
  }

  @Then("{string} receives nothing for {duration}")
  public void receivesNothing(String client, Duration period) {
    state.client(client).expectNothing(period);
  }

  @Then("{string} sees the server close the connection")
  public void seesFin(String client) {
    state.client(client).awaitPeerClosed(state.timeout());
  }

  @Then("{string} sees the connection reset")
  public void seesReset(String client) {
    state.client(client).awaitPeerReset(state.timeout());
  }
}
