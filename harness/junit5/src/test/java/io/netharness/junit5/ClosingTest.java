package io.netharness.junit5;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import io.netharness.payload.Payload;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Everything the extension hands out is closed by JUnit when its scope ends, pass or fail. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClosingTest {

  @Test
  void parametersAndEndpointsAreClosedAfterEachTest() {
    Examples.runAndExpectPassing(PerTestExample.class, 2);

    assertClosed(PerTestExample.server, PerTestExample.client, PerTestExample.peer);
  }

  @Test
  void endpointsAreClosedWhenTheTestFails() {
    EngineExecutionResults results = Examples.run(FailingExample.class);

    assertThat(Examples.failures(results)).singleElement()
        .satisfies(failure -> assertThat(failure).hasMessageContaining("the code under test broke"));
    assertClosed(FailingExample.server, FailingExample.client, FailingExample.peer);
  }

  @Test
  void endpointsCloseInReverseOrderOfCreation() {
    Examples.runAndExpectPassing(OrderExample.class, 1);

    assertThat(OrderExample.closed).containsExactly("client", "server");
  }

  @Test
  void beforeAllParametersLiveUntilTheClassEnds() {
    Examples.runAndExpectPassing(BeforeAllExample.class, 2);

    assertThat(BeforeAllExample.server.isRunning()).isFalse();
  }

  @Test
  void constructorParametersAreClosedAfterEachTest() {
    Examples.runAndExpectPassing(ConstructorExample.class, 2);

    assertThat(ConstructorExample.first).isNotNull();
    assertThat(ConstructorExample.first.isRunning()).isFalse();
  }

  @Test
  void turningOffJunitsAutoCloseFailsWithTheFix() {
    EngineExecutionResults results =
        Examples.run(AutoCloseOffExample.class, Endpoints.AUTO_CLOSE_PARAMETER, "false");

    assertThat(Examples.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
        .hasMessageContaining(Endpoints.AUTO_CLOSE_PARAMETER + " is false")
        .hasMessageContaining("remove that setting"));
    assertThat(AutoCloseOffExample.ran).isFalse();
  }

  static void assertClosed(TcpServer server, TcpClient client, UdpPeer peer) {
    assertThat(server.isRunning()).isFalse();
    assertThat(client.isOpen()).isFalse();
    assertThat(peer.transcript().has(TranscriptEvent.Kind.CLOSED)).isTrue();
    assertThatThrownBy(() -> peer.sendTo(peer.address(), Payload.utf8("late")))
        .isInstanceOf(HarnessException.class);
  }

  @Examples.Example
  @NetHarnessTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerTestExample {
    static TcpServer server;
    static TcpClient client;
    static UdpPeer peer;

    @Test
    @Order(1)
    void usesEverything(TcpServer server, UdpPeer peer, Endpoints endpoints) {
      PerTestExample.server = server;
      PerTestExample.peer = peer;
      client = endpoints.connect(server);
      client.sendText("hello", UTF_8);
      server.takeConnection(Duration.ofSeconds(5)).awaitReceivedText("hello", UTF_8, Duration.ofSeconds(5));
    }

    @Test
    @Order(2)
    void findsThePreviousTestsEndpointsClosed() {
      assertClosed(server, client, peer);
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class OrderExample {
    static final List<String> closed = new CopyOnWriteArrayList<>();

    @Test
    void makesAServerThenAClient(Endpoints endpoints) {
      closed.clear();
      TcpServer server = endpoints.server();
      endpoints.manage(() -> closed.add("server"));
      endpoints.connect(server);
      endpoints.manage(() -> closed.add("client"));
      assertThat(closed).isEmpty();
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class AutoCloseOffExample {
    static boolean ran;

    @Test
    void wouldLeakTheServer(TcpServer server) {
      ran = true;
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class FailingExample {
    static TcpServer server;
    static TcpClient client;
    static UdpPeer peer;

    @Test
    void fails(TcpServer server, Endpoints endpoints) {
      FailingExample.server = server;
      client = endpoints.connect(server);
      peer = endpoints.udp();
      throw new AssertionError("the code under test broke");
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class BeforeAllExample {
    static TcpServer server;
    static int port;

    @BeforeAll
    static void startShared(TcpServer shared) {
      server = shared;
      port = shared.port();
    }

    @Test
    void seesTheSharedServerRunning() {
      assertThat(server.isRunning()).isTrue();
    }

    @Test
    void seesTheSameServerAgain() {
      assertThat(server.isRunning()).isTrue();
      assertThat(server.port()).isEqualTo(port);
    }

    @AfterAll
    static void stillRunningInAfterAll() {
      assertThat(server.isRunning()).isTrue();
    }
  }

  @Examples.Example
  @NetHarnessTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ConstructorExample {
    static TcpServer first;
    private final TcpServer server;

    ConstructorExample(TcpServer server) {
      this.server = server;
    }

    @Test
    @Order(1)
    void getsARunningServer() {
      assertThat(server.isRunning()).isTrue();
      first = server;
    }

    @Test
    @Order(2)
    void getsANewServerAndTheOldOneIsClosed() {
      assertThat(server).isNotSameAs(first);
      assertThat(server.isRunning()).isTrue();
      assertThat(first.isRunning()).isFalse();
    }
  }
}
