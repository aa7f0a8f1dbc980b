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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A {@code Lab} parameter: started before the test with {@link LabConfig}'s seed, closed after it, and the test
 * skipped with the lab's reason where it cannot run (not root, not Linux; {@link LabSkipTest} shows the skip).
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

  @org.junit.jupiter.api.RepeatedTest(2)
  @LabConfig(capture = true)
  void eachInvocationOfARepeatedTestCapturesToItsOwnFile(Lab lab, org.junit.jupiter.api.RepetitionInfo repetition) {
    assertThat(Path.of("target/netharness/lab/LabInjectionTest.eachInvocationOfARepeatedTestCapturesToItsOwnFile-"
        + repetition.getCurrentRepetition() + ".pcap")).exists();
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

  @Test
  void aBeforeAllMethodsLabIsTheClasssLab() {
    EngineExecutionResults results = Examples.run(ClassLabExample.class);
    if (Lab.unavailableReason().isPresent()) {
      assertThat(Examples.failures(results)).isEmpty();
      assertThat(results.containerEvents().aborted().count()).isEqualTo(1);
      return;
    }
    assertThat(Examples.failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    assertThat(ClassLabExample.inTests).containsOnly(ClassLabExample.inBeforeAll);
  }

  @Examples.Example
  @NetHarnessTest
  static class ClassLabExample {
    static Lab inBeforeAll;
    static final java.util.List<Lab> inTests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.BeforeAll
    static void start(Lab lab) {
      inBeforeAll = lab;
    }

    @Test
    void first(Lab lab) {
      inTests.add(lab);
    }

    @Test
    void second(Lab lab) {
      inTests.add(lab);
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
}
