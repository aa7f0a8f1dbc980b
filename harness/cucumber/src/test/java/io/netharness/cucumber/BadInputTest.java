package io.netharness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input in a step gets a message that says what is wrong and how to fix it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BadInputTest {
  private final HarnessState state = new HarnessState();
  private final ServerSteps servers = new ServerSteps(state);
  private final ClientSteps clients = new ClientSteps(state);
  private final ParameterTypes types = new ParameterTypes();

  @AfterEach
  void closeEverything() {
    state.closeAll();
  }

  @Test
  void aLabRateOfZeroSaysHowToHaveNoLimit() {
    LabSteps lab = new LabSteps(state);
    assertThatThrownBy(() -> lab.rate(0, "a", 5))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("at least 1 kbit/s with a queue of at least 1 packet, not 0 kbit/s and 5 packets")
        .hasMessageContaining("for no limit, leave the step out");
    assertThatThrownBy(() -> lab.rate(1000, "a", 0)).hasMessageContaining("not 1000 kbit/s and 0 packets");
  }

  @Test
  void unknownEndpointNameListsTheKnownOnes() {
    servers.echoServer("srv");
    assertThatThrownBy(() -> clients.sendText("alcie", "hi"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("no TCP client called \"alcie\"")
        .hasMessageContaining("other endpoints: TCP servers [srv]");
  }

  @Test
  void anUnknownClientSuggestsTheNearestClientAndTheStepThatCreatesAClient() {
    servers.echoServer("srv");
    clients.connect("alice", "srv");
    assertThatThrownBy(() -> clients.sendText("alicia", "hi"))
        .hasMessageContaining("no TCP client called \"alicia\" in this scenario; did you mean \"alice\"?")
        .hasMessageContaining("Known TCP clients: [alice]")
        .hasMessageContaining("Given a TCP client \"alicia\" connected to \"srv\"")
        .hasMessageNotContaining("Given a TCP server \"alicia\"");
  }

  @Test
  void aNameOfAnotherKindSaysWhatItIs() {
    servers.echoServer("srv");
    assertThatThrownBy(() -> clients.sendText("srv", "hi"))
        .hasMessageContaining("\"srv\" is a TCP server, and this step needs a TCP client");
  }

  @Test
  void unknownProxiesAndRelaysSuggestTheNearestOfTheirKind() {
    servers.echoServer("srv");
    state.addProxy("lossy", io.netharness.proxy.FaultProxy.builder().upstream(state.server("srv").address()).build().start());
    assertThatThrownBy(() -> state.proxy("lousy"))
        .hasMessageContaining("no proxy called \"lousy\" in this scenario; did you mean \"lossy\"?")
        .hasMessageContaining("Given a proxy \"lousy\" in front of \"srv\"");
    assertThatThrownBy(() -> state.relay("lossy"))
        .hasMessageContaining("\"lossy\" is a proxy, and this step needs a UDP relay")
        .hasMessageContaining("Given a UDP relay \"lossy\" in front of");
  }

  @Test
  void connectingToAMisspelledServerSuggestsIt() {
    servers.echoServer("gateway");
    assertThatThrownBy(() -> clients.connect("alice", "gatway"))
        .hasMessageContaining("did you mean \"gateway\"?");
  }

  @Test
  void replyingOnAConnectionThatIsClosedFailsNamingItsState() {
    ReceivedSteps received = new ReceivedSteps(state);
    servers.collectingServer("srv");
    clients.connect("alice", "srv");
    clients.shutdownOutput("alice");
    received.seesDisconnect("srv", "alice");
    state.server("srv").connections().get(0).awaitClosed(Duration.ofSeconds(5));

    assertThatThrownBy(() -> received.replies("srv", "late", "alice"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("\"srv\" cannot reply to \"alice\": server connection #1")
        .hasMessageContaining("the client closed its side (FIN) and the server closed the connection in answer")
        .hasMessageContaining("Given \"srv\" keeps connections open after a client's FIN");
  }

  @Test
  void replyingOnAConnectionTheServerClosedFails() {
    ReceivedSteps received = new ReceivedSteps(state);
    servers.collectingServer("srv");
    clients.connect("alice", "srv");
    received.closes("srv", "alice");

    assertThatThrownBy(() -> received.repliesHex("srv", "06", "alice"))
        .hasMessageContaining("cannot send 1 byte: the server closed the connection");
  }

  @Test
  void connectingToAnUnknownNameSaysItIsNeitherEndpointNorAddress() {
    assertThatThrownBy(() -> clients.connect("alice", "nowhere"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("neither an endpoint of this scenario")
        .hasMessageContaining("127.0.0.1:7000");
  }

  @Test
  void unknownCharsetSuggestsRealNames() {
    assertThatThrownBy(() -> types.charset("KLINGON"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("unknown charset \"KLINGON\"")
        .hasMessageContaining("GBK");
  }

  @Test
  void badHexNamesTheBadDigit() {
    servers.echoServer("srv");
    clients.connect("alice", "srv");
    assertThatThrownBy(() -> clients.sendHex("alice", "0g"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("'g' is not a hex digit");
    assertThatThrownBy(() -> clients.sendHex("alice", "abc"))
        .hasMessageContaining("odd number of hex digits");
  }

  @Test
  void negativeDurationIsRefused() {
    assertThatThrownBy(() -> types.duration("-5", "ms"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("cannot be negative");
    assertThat(types.duration("1.5", "s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(types.duration("200", "ms")).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void reusingANameIsRefused() {
    servers.echoServer("srv");
    assertThatThrownBy(() -> servers.echoServer("srv"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("already used");
  }

  @Test
  void fixturePathOutsideTheRootIsRefused() {
    assertThatThrownBy(() -> Fixtures.resolve("../pom.xml"))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("outside the fixtures root");
  }

  @Test
  void portInUseIsCapturedAsAFailedAttempt() {
    servers.collectingServer("first");
    servers.triesPortInUse("second", "first");
    assertThat(state.lastFailure()).isNotNull();
    assertThat(state.lastFailure().getMessage()).contains("address already in use");
  }

  @Test
  void closeAllClosesEveryEndpoint() {
    servers.echoServer("srv");
    clients.connect("alice", "srv");
    var server = state.server("srv");
    var client = state.client("alice");
    state.closeAll();
    assertThat(server.isRunning()).isFalse();
    assertThat(client.isOpen()).isFalse();
  }
}
