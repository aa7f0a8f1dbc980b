package io.netharness.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine probe answers within seconds, with a reason, whatever is (not) at the socket. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DockerEngineTest {

  @Test
  void aMissingSocketIsReportedByName(@TempDir Path dir) {
    Path socket = dir.resolve("docker.sock");
    DockerEngine engine = new DockerEngine(URI.create("unix://" + socket));

    assertThat(engine.whyUnreachable()).hasValueSatisfying(why -> assertThat(why)
        .contains("no Docker engine").contains(socket.toString()).contains("does not exist"));
  }

  @Test
  void aSocketThatNeverAnswersIsGivenUpOnWithTheReason(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("silent.sock");
    try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      silent.bind(UnixDomainSocketAddress.of(path));
      // accepts (the kernel queues the connect) and never says a word, like a hung engine
      DockerEngine engine = new DockerEngine(URI.create("unix://" + path));

      assertThat(engine.whyUnreachable()).hasValueSatisfying(why -> assertThat(why)
          .contains("no Docker engine answers at unix://" + path)
          .contains("within " + DockerEngine.PING_TIMEOUT.toSeconds() + " s"));
      assertThat(engine.whyImageMissing("ghcr.io/shopify/toxiproxy:2.12.0")).hasValueSatisfying(why -> assertThat(why)
          .contains("could not check or pull image ghcr.io/shopify/toxiproxy:2.12.0"));
    } finally {
      Files.deleteIfExists(path);
    }
  }

  @Test
  void aSocketThatHangsUpIsNotAnEngine(@TempDir Path dir) throws IOException {
    Path path = dir.resolve("rude.sock");
    try (ServerSocketChannel rude = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      rude.bind(UnixDomainSocketAddress.of(path));
      Thread closer = new Thread(() -> {
        try (SocketChannel accepted = rude.accept()) {
          // closes at once: no HTTP answer
        } catch (IOException ignored) {
          // the test ended first
        }
      });
      closer.start();
      DockerEngine engine = new DockerEngine(URI.create("unix://" + path));

      assertThat(engine.whyUnreachable()).hasValueSatisfying(why -> assertThat(why)
          .contains("no Docker engine answers at unix://" + path)); // "not an HTTP answer" or "Broken pipe"
    } finally {
      Files.deleteIfExists(path);
    }
  }

  @Test
  void aTcpEndpointWithNothingListeningIsReportedAtOnce() throws IOException {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    DockerEngine engine = new DockerEngine(URI.create("tcp://127.0.0.1:" + port));

    assertThat(engine.whyUnreachable()).hasValueSatisfying(why -> assertThat(why)
        .contains("no Docker engine answers at tcp://127.0.0.1:" + port).contains("ConnectException"));
  }
}
