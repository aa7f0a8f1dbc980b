package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.cli.launcher.Launched.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./netharness udp} through the real launcher: one process receives, another sends a line as a datagram. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherUdpIT {
  private final RepositoryCopy copy = RepositoryCopy.shared();

  @Test
  void aLineSentByOneProcessArrivesAsADatagramAtTheOther() {
    try (Launched receiver = Launched.netharness(copy, "udp", "--bind", "127.0.0.1:0")) {
      int port = receiver.announcedPort();
      try (Launched sender = Launched.netharness(copy, "udp", "--to", "127.0.0.1:" + port, "--wait", "100ms")) {
        sender.type("one datagram\n");
        receiver.awaitStdout("one datagram\n");
        Result sent = sender.finish();
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(sent.stderr()).as(sent.toString()).contains("; sending to 127.0.0.1:" + port + "]")
            .endsWith("[0 datagrams received, 1 sent]\n");
      }
      Result received = receiver.interrupt();
      assertThat(received.stdout()).as(received.toString()).matches("127\\.0\\.0\\.1:\\d+ <- one datagram\n");
      assertThat(received.stderr()).as(received.toString()).startsWith("[bound 127.0.0.1:" + port + "]");
    }
  }

  @Test
  void anAddressThatDoesNotResolveIsOneLineOnStderrAndExitTwo() {
    try (Launched udp = Launched.netharness(copy, "udp", "--to", "nosuchhost.invalid:5")) {
      LauncherRunIT.assertBadInput(udp.finish(),
          "netharness udp: --to nosuchhost.invalid:5: cannot resolve host \"nosuchhost.invalid\"");
    }
  }
}
