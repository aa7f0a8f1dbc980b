package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.cli.launcher.Launched.Result;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./netharness tcp listen} and {@code tcp connect} through the real launcher, in two processes: events
 * ({@code [listening on …]}, connects, FIN, byte counts) on stderr, the data itself on stdout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherTcpIT {
  private final RepositoryCopy copy = RepositoryCopy.shared();

  @Test
  void listenShowsEventsOnStderrAndDataOnStdoutAndConnectDoesTheSame() {
    try (Launched listen = Launched.netharness(copy, "tcp", "listen", "127.0.0.1:0", "--once");
        Launched connect = Launched.netharness(copy, "tcp", "connect", "127.0.0.1:" + listen.announcedPort())) {
      connect.awaitStderr("\\[connected to 127\\.0\\.0\\.1:\\d+ from 127\\.0\\.0\\.1:\\d+]");
      listen.awaitStderr("\\[client 1 127\\.0\\.0\\.1:\\d+ connected]");

      connect.type("hello from the client\n");
      listen.awaitStdout("hello from the client\n");
      listen.type("@1 hello from the server\n");
      connect.awaitStdout("hello from the server\n");

      Result client = connect.finish();
      Result server = listen.awaitExit();

      assertThat(client.exitCode()).as(client.toString()).isZero();
      assertThat(client.stdout()).as(client.toString()).isEqualTo("hello from the server\n");
      assertThat(client.stderr()).as(client.toString())
          .contains("[end of input: sent FIN, waiting up to 5000 ms for the server to close]")
          .endsWith("[closed: 22 bytes received, 22 bytes sent]\n");
      assertThat(server.exitCode()).as(server.toString()).isZero();
      assertThat(server.stdout()).as(server.toString()).contains("hello from the client").doesNotContain("[");
      assertThat(server.stderr()).as(server.toString()).startsWith("[listening on 127.0.0.1:")
          .contains("[client 1 closed its side (FIN)]")
          .contains("disconnected: 22 bytes received, 22 bytes sent]");
    }
  }

  @Test
  void aRefusedPortIsOneLineOnStderrAndExitTwo() throws Exception {
    try (Socket boundNotListening = new Socket()) {
      boundNotListening.bind(new InetSocketAddress("127.0.0.1", 0)); // holds the port; connects to it are refused
      int port = boundNotListening.getLocalPort();
      try (Launched connect = Launched.netharness(copy, "tcp", "connect", "127.0.0.1:" + port)) {
        LauncherRunIT.assertBadInput(connect.finish(),
            "netharness tcp connect: connection refused by 127.0.0.1:" + port + ": nothing is listening on that port");
      }
    }
  }
}
