package io.netharness.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.client.TcpClient;
import io.netharness.lab.Direction;
import io.netharness.lab.Impairment;
import io.netharness.lab.KernelCounters;
import io.netharness.lab.Lab;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A {@code Lab} parameter: started before the test with {@link LabConfig}'s seed, closed after it, and the test
 * skipped with the lab's reason where it cannot run (not root, not Linux).
 */
@NetHarnessTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabInjectionTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  @LabConfig(seed = 42, capture = true)
  void tcpAcrossTwentyPercentLossArrivesCompleteAndInOrderAndTheKernelRetransmits(Lab lab) {
    lab.wire().impair(Direction.A_TO_B, Impairment.none().withLoss(0.2));
    KernelCounters before = lab.a().kernelCounters();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      lines.append(String.format("line %04d%n", i));
    }
    String text = lines.toString();

    try (TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
        TcpClient client = lab.a().call(() -> TcpClient.builder()
            .address(lab.b().address(), server.address().getPort()).connect())) {
      client.sendText(text, StandardCharsets.US_ASCII);
      ServerConnection connection = server.takeConnection(WAIT);
      connection.awaitReceivedText(text, StandardCharsets.US_ASCII, WAIT); // every line, in order
    }

    assertThat(lab.wire().counters(Direction.A_TO_B).dropped()).isPositive();
    assertThat(lab.a().kernelCounters().minus(before).tcpRetransSegs()).isPositive();
    assertThat(Path.of("target/netharness/lab/LabInjectionTest."
        + "tcpAcrossTwentyPercentLossArrivesCompleteAndInOrderAndTheKernelRetransmits.pcap")).exists();
  }

  @Test
  void aTestAndItsBeforeEachGetTheSameLabWhichIsClosedAfterTheTest() {
    EngineExecutionResults results = Examples.run(SharedLabExample.class);
    Optional<String> reason = Lab.unavailableReason();
    if (reason.isPresent()) {
      assertThat(results.testEvents().aborted().count()).isEqualTo(1);
      return;
    }
    assertThat(Examples.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    assertThat(SharedLabExample.inBeforeEach).isSameAs(SharedLabExample.inTest);
    assertThat(Thread.getAllStackTraces().keySet()).as("the lab's wire threads end when it closes")
        .noneMatch(t -> t.getName().startsWith("netharness-wire-") && t.isAlive());
  }

  /** The skip itself, on any machine: the lab's availability is replaced by a reason for the nested run. */
  @Nested
  class WhereTheLabCannotRun {
    @Test
    void aTestThatTakesALabIsSkippedWithTheReasonAndTheFix() {
      var saved = LabParameters.availability;
      LabParameters.availability = () -> Optional.of("the lab runs on Linux only; this is Plan 9");
      try {
        EngineExecutionResults results = Examples.run(SkippedExample.class);

        assertThat(Examples.failures(results)).isEmpty();
        assertThat(results.testEvents().aborted().stream()
            .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
            .containsExactly("Assumption failed: packet lab skipped: the lab runs on Linux only; this is Plan 9");
        assertThat(results.testEvents().succeeded().count()).as("a test without a lab still runs").isEqualTo(1);
        assertThat(SkippedExample.ranWithoutLab).isTrue();
      } finally {
        LabParameters.availability = saved;
      }
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class SharedLabExample {
    static Lab inBeforeEach;
    static Lab inTest;

    @BeforeEach
    void remember(Lab lab) {
      inBeforeEach = lab;
    }

    @Test
    @LabConfig(seed = 7)
    void usesIt(Lab lab) {
      inTest = lab;
      assertThat(lab.wire().seed()).isEqualTo(7);
      assertThat(Files.exists(Path.of("/dev/net/tun"))).isTrue();
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class SkippedExample {
    static boolean ranWithoutLab;

    @Test
    void needsTheLab(Lab lab) {
      throw new AssertionError("must not run where the lab cannot: " + lab);
    }

    @Test
    void doesNotNeedIt() {
      ranWithoutLab = true;
    }
  }
}
