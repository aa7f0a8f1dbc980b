package io.netharness.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HostPort;
import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The part of the proxy that owns its port: which socket holds it for each connect fault, and that it stays held. */
class PortHolderTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final TcpServer echo = TcpServer.builder().behavior(Behaviors.echo()).build().start();
  private final FaultProxy owner = FaultProxy.builder().name("db").upstream(echo.address()).build();
  private final OpenConnections connections = new OpenConnections();
  private final PortHolder port = new PortHolder("db",
      new Acceptor(owner, new ProxyCounters(), connections, new ToxicChain("db", 1, connections)));

  @AfterEach
  void close() {
    port.release();
    echo.close();
  }

  @Test
  void takingAnyPortListensAndAccepts() {
    port.take("127.0.0.1:0", ConnectFault.none(), HostPort.format(echo.address()));

    assertThat(port.isListening()).isTrue();
    try (TcpClient client = TcpClient.connect(port.bound())) {
      client.sendText("hi", UTF_8);
      client.expectText("hi", UTF_8, WAIT);
    }
  }

  @Test
  void refusingKeepsThePortBoundSoNoOneElseTakesItThenListensOnTheSamePortAgain() {
    port.take("127.0.0.1:0", ConnectFault.none(), HostPort.format(echo.address()));
    InetSocketAddress held = port.bound();

    port.switchFault("127.0.0.1:0", ConnectFault.none(), ConnectFault.refuse());

    assertThat(port.isListening()).isFalse();
    assertThat(port.holdsPort()).isTrue();
    assertThatThrownBy(() -> TcpClient.connect(held)).hasMessageContaining("connection refused");
    assertThat(bindsFreely(held)).as("another socket could bind the refused port").isFalse();

    port.switchFault("127.0.0.1:0", ConnectFault.refuse(), ConnectFault.none());

    assertThat(port.bound()).isEqualTo(held);
    try (TcpClient client = TcpClient.connect(held)) {
      client.sendText("back", UTF_8);
      client.expectText("back", UTF_8, WAIT);
    }
  }

  @Test
  void aProxyThatIsDownRefusesButKeepsItsPortForWhenItComesBackUp() {
    String upstream = HostPort.format(echo.address());
    port.take("127.0.0.1:0", ConnectFault.none(), upstream);
    InetSocketAddress held = port.bound();

    port.down("127.0.0.1:0");

    assertThatThrownBy(() -> TcpClient.connect(held)).hasMessageContaining("connection refused");
    assertThat(bindsFreely(held)).as("a listener started meanwhile could take the port of a proxy that is down").isFalse();
    port.up("127.0.0.1:0", ConnectFault.none(), upstream);
    assertThat(port.bound()).isEqualTo(held);
    try (TcpClient client = TcpClient.connect(held)) {
      client.sendText("up", UTF_8);
      client.expectText("up", UTF_8, WAIT);
    }
  }

  @Test
  void aBlackholeDropsTheSynSoConnectsTimeOut() {
    port.take("127.0.0.1:0", ConnectFault.blackhole(), HostPort.format(echo.address()));

    assertThatThrownBy(() -> TcpClient.builder().address(port.bound()).connectTimeout(Duration.ofMillis(300)).connect())
        .hasMessageContaining("timed out");
  }

  @Test
  void aSlowOpenNeedsNoNewSocket() {
    port.take("127.0.0.1:0", ConnectFault.none(), HostPort.format(echo.address()));
    InetSocketAddress held = port.bound();

    port.switchFault("127.0.0.1:0", ConnectFault.none(), ConnectFault.slowOpen(Duration.ofMillis(1)));

    assertThat(port.isListening()).isTrue();
    assertThat(port.bound()).isEqualTo(held);
  }

  @Test
  void anUpstreamThatIsTheNamedPortItselfIsRefused() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    String self = "127.0.0.1:" + free;

    assertThatThrownBy(() -> port.take(self, ConnectFault.none(), self))
        .hasMessage("proxy \"db\": upstream " + self + " is the proxy's own listen address " + self
            + "; every connection would loop back into it. Point the upstream at the server instead");
    assertThat(port.holdsPort()).isFalse();
    assertThat(port.bound()).isNull();
  }

  private static boolean bindsFreely(InetSocketAddress address) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(address);
      return true;
    } catch (IOException held) {
      return false;
    }
  }
}
