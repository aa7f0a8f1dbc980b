package io.netharness.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.payload.Payload;
import io.netharness.server.Behavior;
import io.netharness.server.Behaviors;
import io.netharness.server.ScriptedReplies;
import io.netharness.server.TcpServer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Steps that start TCP servers. A server listens on 127.0.0.1 on a free port unless a step says
 * otherwise; clients find it by name.
 *
 * <pre>{@code
 * Given a TCP echo server "srv"
 * Given a TCP server "srv" that replies "PONG" to "PING"
 * Given a TCP server "srv" that reads at most 1024 bytes at a time
 * }</pre>
 */
public final class ServerSteps {
  private final HarnessState state;

  public ServerSteps(HarnessState state) {
    this.state = state;
  }

  @Given("a TCP server {string}")
  public void collectingServer(String name) {
    start(name, TcpServer.builder());
  }

  @Given("a TCP echo server {string}")
  public void echoServer(String name) {
    start(name, TcpServer.builder().behavior(Behaviors.echo()));
  }

  @Given("a TCP server {string} listening on {string}")
  public void serverOn(String name, String hostPort) {
    var address = io.netharness.HostPort.parse(hostPort);
    start(name, TcpServer.builder().host(address.getHostString()).port(address.getPort()));
  }

  @Given("a TCP echo server {string} on IPv6 loopback")
  public void ipv6EchoServer(String name) {
    start(name, TcpServer.builder().host("::1").behavior(Behaviors.echo()));
  }

  @Given("a TCP server {string} that replies {string} to {string}")
  public void scriptedServer(String name, String reply, String trigger) {
    startScripted(name, Payload.utf8(trigger), Payload.utf8(reply));
  }

  @Given("a TCP server {string} that replies to each line with:")
  public void scriptedLineServer(String name, io.cucumber.datatable.DataTable table) {
    scriptedLineServer(name, io.netharness.payload.LineEnding.LF, table);
  }

  @Given("a TCP server {string} that replies to each {lineEnding} line with:")
  public void scriptedLineServer(String name, io.netharness.payload.LineEnding ending, io.cucumber.datatable.DataTable table) {
    List<List<String>> rows = table.asLists();
    if (rows.isEmpty() || rows.get(0).size() != 2) {
      throw new io.netharness.HarnessException("\"a TCP server ... that replies to each line with:\" needs a table"
          + " of two columns, | request | reply |, one row per line to answer");
    }
    java.util.Map<String, String> replies = new java.util.LinkedHashMap<>();
    for (List<String> row : rows) {
      boolean header = row == rows.get(0) && row.get(0).equalsIgnoreCase("request") && row.get(1).equalsIgnoreCase("reply");
      if (!header) {
        replies.put(row.get(0), row.get(1));
      }
    }
    start(name, TcpServer.builder().framing(Framing.lines())
        .behavior(Behaviors.lineReplies(replies, StandardCharsets.UTF_8, ending)));
  }

  @Given("a TCP server {string} that replies hex {string} to hex {string}")
  public void scriptedHexServer(String name, String replyHex, String triggerHex) {
    startScripted(name, Payload.hex(triggerHex), Payload.hex(replyHex));
  }

  @Given("{string} keeps connections open after a client's FIN")
  public void keepsOpenAfterFin(String server) {
    state.server(server).setCloseOnClientFin(false);
  }

  @Given("{string} closes connections when a client sends FIN")
  public void closesOnFin(String server) {
    state.server(server).setCloseOnClientFin(true);
  }

  @Given("a TCP server {string} that reads at most {int} bytes at a time")
  public void smallReads(String name, int bytes) {
    start(name, TcpServer.builder().readBufferBytes(bytes));
  }

  @Given("a TCP server {string} with {framing} framing")
  public void framedServer(String name, Framing framing) {
    start(name, TcpServer.builder().framing(framing));
  }

  @Given("a TCP server {string} that closes the connection after {int} bytes")
  public void closesAfter(String name, int bytes) {
    start(name, TcpServer.builder().behavior(Behaviors.closeAfter(bytes)));
  }

  @Given("a TCP server {string} that resets the connection after {int} bytes")
  public void resetsAfter(String name, int bytes) {
    start(name, TcpServer.builder().behavior(Behaviors.abortAfter(bytes)));
  }

  @Given("a TCP chat room server {string}")
  public void chatRoom(String name) {
    start(name, TcpServer.builder().behavior(Behaviors.chatRoom(StandardCharsets.UTF_8)).framing(Framing.lines()));
  }

  @When("{string} joins the chat room {string}")
  public void joinChatRoom(String client, String room) {
    var c = state.addClient(client, io.netharness.client.TcpClient.builder().name(client)
        .address(state.addressOf(room)).connect());
    c.sendText(client + "\n", StandardCharsets.UTF_8);
    String greeting = c.receiveLine(StandardCharsets.UTF_8, state.timeout());
    if (!greeting.equals("* welcome, " + client)) {
      throw new io.netharness.ExpectationFailedException("\"" + client + "\" joined chat room \"" + room
          + "\" but was greeted with \"" + greeting + "\" instead of \"* welcome, " + client + "\"");
    }
  }

  @When("a TCP server {string} tries to listen on the port of {string}")
  public void triesPortInUse(String name, String other) {
    int port = state.server(other).port();
    state.attempt(() -> state.addServer(name, TcpServer.builder().name(name).port(port).build()).start());
  }

  @When("{string} pauses reading")
  public void pauseReading(String server) {
    state.server(server).pauseReading();
  }

  @When("{string} resumes reading")
  public void resumeReading(String server) {
    // what the clients sent must already wait in the kernel, or it would arrive in a later read
    state.clients().forEach(c -> c.awaitAcknowledged(state.timeout()));
    state.server(server).resumeReading();
  }

  @When("{string} sends {string} to every client")
  public void broadcast(String server, String text) {
    state.server(server).broadcast(Payload.utf8(text).bytes());
  }

  @Then("{string} has {int} open connection(s)")
  public void openConnections(String server, int count) {
    TcpServer s = state.server(server);
    s.awaitConnections(count, state.timeout());
    s.awaitOpenConnections(count, state.timeout());
  }

  @Then("{string} has accepted {int} connection(s)")
  public void acceptedConnections(String server, int count) {
    TcpServer s = state.server(server);
    s.awaitConnections(count, state.timeout());
    if (s.connectionCount() != count) {
      throw new ExpectationFailedException("server \"" + server + "\": expected " + count
          + " connections, but " + s.connectionCount() + " were accepted");
    }
  }

  private void startScripted(String name, Payload trigger, Payload reply) {
    Behavior script = Behaviors.scripted(List.of(new ScriptedReplies.Rule(trigger.bytes(), reply.bytes())));
    start(name, TcpServer.builder().behavior(script));
  }

  private void start(String name, TcpServer.Builder builder) {
    state.addServer(name, builder.name(name).build()).start();
  }
}
