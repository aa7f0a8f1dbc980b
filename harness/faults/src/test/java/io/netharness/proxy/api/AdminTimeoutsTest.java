package io.netharness.proxy.api;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 9, defect 7: idle and half-sent admin connections are closed, as Toxiproxy's server does. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdminTimeoutsTest {
  private final AdminServer admin = AdminServer.builder().port(0)
      .idleTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofMillis(300)).build().start();

  @AfterEach
  void closeAll() {
    admin.close();
  }

  @Test
  void anIdleConnectionIsClosed() throws Exception {
    try (Socket s = new Socket(admin.address().getAddress(), admin.getPort())) {
      s.setSoTimeout(10_000);
      assertThat(s.getInputStream().read()).as("EOF from the server").isEqualTo(-1);
    }
  }

  @Test
  void aConnectionIdleAfterAnAnswerIsClosed() throws Exception {
    try (Socket s = new Socket(admin.address().getAddress(), admin.getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("GET /version HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
      String answer = readUntilEof(s.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"version\": \"2.12.0\"}");
    }
  }

  @Test
  void aRequestThatNeverEndsIsClosed() throws Exception {
    try (Socket s = new Socket(admin.address().getAddress(), admin.getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("POST /proxies HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{".getBytes(US_ASCII));
      assertThat(readUntilEof(s.getInputStream())).isEmpty();
    }
  }

  private static String readUntilEof(InputStream in) throws Exception {
    try {
      return new String(in.readAllBytes(), US_ASCII);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open", e);
    }
  }
}
