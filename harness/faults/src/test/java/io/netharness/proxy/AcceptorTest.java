package io.netharness.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.HostPort;
import io.netharness.client.TcpClient;
import io.netharness.proxy.toxics.Toxics;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The part of the proxy that wires each accepted client to the upstream, with the toxics the chain has. */
class AcceptorTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final ProxyCounters counters = new ProxyCounters();
  private final OpenConnections connections = new OpenConnections();
  private final ToxicChain chain = new ToxicChain("db", 7, connections);
  private PortHolder port;

  @AfterEach
  void close() {
    port.release();
    connections.closeAll();
    echo.close();
  }

  private void listenTowards(String upstream) {
    FaultProxy owner = FaultProxy.builder().name("db").upstream(upstream).build();
    port = new PortHolder("db", new Acceptor(owner, counters, connections, chain));
    port.take("127.0.0.1:0", ConnectFault.none(), upstream);
  }

  private TcpClient connect() {
    return TcpClient.connect(port.bound());
  }

  @Test
  void eachClientGetsItsOwnUpstreamConnectionAndIsCounted() {
    listenTowards(HostPort.format(echo.address()));
    try (TcpClient a = connect(); TcpClient b = connect()) {
      a.sendText("from a", UTF_8);
      b.sendText("from b!", UTF_8);
      a.expectText("from a", UTF_8, WAIT);
      b.expectText("from b!", UTF_8, WAIT);

      ProxyStats stats = counters.stats(connections.size());
      assertThat(stats.connectionsAccepted()).isEqualTo(2);
      assertThat(stats.connectionsOpen()).isEqualTo(2);
      assertThat(stats.upstreamBytesReceived()).isEqualTo(13);
      assertThat(echo.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void aNewConnectionStartsWithEveryToxicTheChainHas() {
    chain.add("cut", Direction.DOWNSTREAM, 1.0, Toxics.limitData(3));
    listenTowards(HostPort.format(echo.address()));
    try (TcpClient client = connect()) {
      client.sendText("abcdef", UTF_8);

      assertThat(new String(client.receiveUntilEnd(WAIT), UTF_8)).isEqualTo("abc");
    }
  }

  @Test
  void aClientWhoseUpstreamIsDownIsAcceptedThenClosed() {
    int deadPort;
    try (TcpServer gone = TcpServer.builder().build().start()) {
      deadPort = gone.port();
    }
    listenTowards("127.0.0.1:" + deadPort);
    try (TcpClient client = connect()) {
      assertThat(client.awaitEnd(WAIT)).isNotEqualTo("open");
      Awaitility.await().atMost(WAIT).until(() -> connections.size() == 0);
      assertThat(counters.stats(0).connectionsAccepted()).isEqualTo(1);
    }
  }
}
