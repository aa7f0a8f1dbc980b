package io.netharness.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.proxy.FaultProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdminServerLifecycleTest {

  @Test
  void portBeforeStartFailsFast() {
    AdminServer admin = AdminServer.builder().port(0).build();
    assertThatThrownBy(admin::getPort).isInstanceOf(IllegalStateException.class).hasMessage("call start() first");
    admin.close();
  }

  @Test
  void startAndCloseAreIdempotentAndListenOnLoopback() {
    AdminServer admin = AdminServer.builder().port(0).build().start();
    int port = admin.getPort();
    assertThat(admin.start().getPort()).isEqualTo(port);
    assertThat(admin.address().getAddress().isLoopbackAddress()).isTrue();
    admin.close();
    admin.close();
    assertThat(admin.isRunning()).isFalse();
  }

  @Test
  void aTakenPortFailsWithAClearMessage() {
    try (AdminServer first = AdminServer.builder().port(0).build().start()) {
      AdminServer second = AdminServer.builder().port(first.getPort()).build();
      assertThatThrownBy(second::start).isInstanceOf(HarnessException.class).hasMessageContaining("address already in use");
      second.close();
    }
  }

  @Test
  void closingTheServerClosesItsOwnRegistryButNotASharedOne() {
    try (ProxyRegistry shared = new ProxyRegistry()) {
      AdminServer admin = AdminServer.builder().port(0).registry(shared).build().start();
      FaultProxy kept = shared.create(ProxySpec.of("kept", "", "127.0.0.1:1"));
      admin.close();
      assertThat(kept.isRunning()).isTrue();
    }
    AdminServer owning = AdminServer.builder().port(0).build().start();
    FaultProxy owned = owning.registry().create(ProxySpec.of("owned", "", "127.0.0.1:1"));
    owning.close();
    assertThat(owned.isRunning()).isFalse();
  }

  @Test
  void awaitCloseReturnsOnceClosed() throws InterruptedException {
    AdminServer admin = AdminServer.builder().port(0).build().start();
    Thread waiter = new Thread(admin::awaitClose);
    waiter.start();
    admin.close();
    waiter.join(5_000);
    assertThat(waiter.isAlive()).isFalse();
  }

  @Test
  void garbageOnTheWireGetsAnAnswerNotAHang() throws IOException {
    try (AdminServer admin = AdminServer.builder().port(0).build().start();
         Socket socket = new Socket("127.0.0.1", admin.getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /version HTTP/1.1\r\nHost: x\r\n\r\nNOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answers = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answers).startsWith("HTTP/1.1 200 OK").contains("{\"version\": \"2.12.0\"}\n").contains("HTTP/1.1 400");
    }
  }
}
