package io.netharness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.client.TcpClient;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A charset and a timeout set once on the client serve every receive and expect that names none. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiveDefaultsTest {
  private static final Charset GBK = Charset.forName("GBK");

  @Test
  void theShortFormsUseTheClientsCharset() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.builder().address(server.address()).charset(GBK).connect()) {
      ServerConnection connection = server.takeConnection(Duration.ofSeconds(5));
      connection.send("哈哈\n呵呵\n".getBytes(GBK));

      client.expectText("哈哈\n");
      assertThat(client.receiveLine()).isEqualTo("呵呵");
      assertThat(client.inbound().defaults()).isEqualTo(new ReceiveDefaults(GBK, Duration.ofSeconds(5)));
    }
  }

  @Test
  void theShortFormsWaitTheClientsTimeoutAndSaySo() {
    try (TcpServer server = TcpServer.builder().build().start();
        TcpClient client = TcpClient.builder().address(server.address()).timeout(Duration.ofMillis(200)).connect()) {
      assertThatThrownBy(() -> client.expectText("never"))
          .isInstanceOf(ExpectationFailedException.class)
          .hasMessageContaining("within 200 ms");
    }
  }

  @Test
  void withoutSettingsItIsUtf8AndFiveSeconds() {
    assertThat(ReceiveDefaults.STANDARD.charset().name()).isEqualTo("UTF-8");
    assertThat(ReceiveDefaults.STANDARD.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> ReceiveDefaults.STANDARD.withTimeout(Duration.ofMillis(-1)))
        .hasMessage("a receive timeout cannot be negative: PT-0.001S");
  }
}
