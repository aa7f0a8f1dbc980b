package io.netharness.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.TranscriptEvent;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Managed} fields: static ones live for the class, instance ones for the test instance. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManagedFieldTest {

  @Test
  void staticFieldIsStartedOnceAndClosedAfterTheClass() {
    Examples.runAndExpectPassing(StaticFieldExample.class, 2);

    assertThat(StaticFieldExample.server.isRunning()).isFalse();
  }

  @Test
  void instanceFieldsLiveForOneTest() {
    Examples.runAndExpectPassing(InstanceFieldExample.class, 2);

    assertThat(InstanceFieldExample.secondServer.isRunning()).isFalse();
    assertThat(InstanceFieldExample.secondPeer.transcript().has(TranscriptEvent.Kind.CLOSED)).isTrue();
  }

  @Test
  void instanceFieldsOfAPerClassInstanceLiveForTheClass() {
    Examples.runAndExpectPassing(PerClassExample.class, 2);

    assertThat(PerClassExample.seen.isRunning()).isFalse();
  }

  @Test
  void nestedTestsSeeTheOuterFieldsStarted() {
    Examples.runAndExpectPassing(OuterExample.class, 2);

    assertThat(OuterExample.seen.isRunning()).isFalse();
  }

  @Test
  void nullFieldFailsWithTheFix() {
    EngineExecutionResults results = Examples.run(NullFieldExample.class);

    assertThat(Examples.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
        .hasMessageContaining("@Managed field NullFieldExample.server is null")
        .hasMessageContaining("assign it where it is declared"));
  }

  @Test
  void fieldThatIsNotAutoCloseableFailsWithTheFix() {
    EngineExecutionResults results = Examples.run(NotCloseableExample.class);

    assertThat(Examples.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
        .hasMessageContaining("@Managed field NotCloseableExample.name holds a java.lang.String")
        .hasMessageContaining("not AutoCloseable"));
  }

  /** No @NetHarnessTest: @Managed registers the extension itself. */
  @Examples.Example
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaticFieldExample {
    @Managed static final TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build();
    static int port;

    @Test
    @Order(1)
    void seesTheServerRunning() {
      assertThat(server.isRunning()).isTrue();
      port = server.port();
    }

    @Test
    @Order(2)
    void seesTheSameServerInTheNextTest() {
      assertThat(server.isRunning()).isTrue();
      assertThat(server.port()).isEqualTo(port);
    }
  }

  @Examples.Example
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class InstanceFieldExample {
    static TcpServer firstServer;
    static UdpPeer firstPeer;
    static TcpServer secondServer;
    static UdpPeer secondPeer;

    @Managed final TcpServer server = TcpServer.builder().build();
    @Managed final UdpPeer peer = UdpPeer.bind();

    @Test
    @Order(1)
    void getsAStartedServer() {
      assertThat(server.isRunning()).isTrue();
      firstServer = server;
      firstPeer = peer;
    }

    @Test
    @Order(2)
    void getsAFreshServerAndTheFirstIsClosed() {
      assertThat(server.isRunning()).isTrue();
      assertThat(firstServer.isRunning()).isFalse();
      assertThat(firstPeer.transcript().has(TranscriptEvent.Kind.CLOSED)).isTrue();
      secondServer = server;
      secondPeer = peer;
    }
  }

  @Examples.Example
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassExample {
    static TcpServer seen;

    @Managed final TcpServer server = TcpServer.builder().build();

    @Test
    void seesTheServerRunning() {
      assertThat(server.isRunning()).isTrue();
      seen = server;
    }

    @Test
    void stillSeesItRunning() {
      assertThat(server.isRunning()).isTrue();
      seen = server;
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class OuterExample {
    static TcpServer seen;

    @Managed final TcpServer outer = TcpServer.builder().build();

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Inner {
      @Managed final UdpPeer peer = UdpPeer.bind();

      @Test
      @Order(1)
      void seesBothFieldsReady() {
        assertThat(outer.isRunning()).isTrue();
        assertThat(peer.port()).isPositive();
        seen = outer;
      }

      @Test
      @Order(2)
      void getsAFreshOuterServer() {
        assertThat(outer.isRunning()).isTrue();
        assertThat(outer).isNotSameAs(seen);
        assertThat(seen.isRunning()).isFalse();
      }
    }
  }

  @Examples.Example
  static class NullFieldExample {
    @Managed TcpServer server;

    @Test
    void neverRuns() {}
  }

  @Examples.Example
  static class NotCloseableExample {
    @Managed final String name = "db";

    @Test
    void neverRuns() {}
  }
}
