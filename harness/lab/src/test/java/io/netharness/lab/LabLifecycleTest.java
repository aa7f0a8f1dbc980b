package io.netharness.lab;

import static io.netharness.lab.LabAssumptions.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.client.TcpClient;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LabLifecycleTest {
  /** 50 in the build (a few seconds); the 200 with -Dnetharness.lab.cycles=200. */
  private static final int CYCLES = Integer.getInteger("netharness.lab.cycles", 50);

  @BeforeEach
  void needsTheLab() {
    assumeLab();
  }

  @Test
  void manySetUpsAndTearDownsLeaveNoNamespaceDeviceOrThreadBehind() throws Exception {
    Lab.start().close(); // the shared event loops start once, on the first lab
    String netnsBefore = run("ip", "netns", "list");
    String linksBefore = run("ip", "-o", "link");
    int javaThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long started = System.nanoTime();
    for (int i = 0; i < CYCLES; i++) {
      try (Lab lab = Lab.start()) {
        assertThat(lab.a().device()).startsWith("nha");
      }
    }
    long perCycleMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started) / CYCLES;
    System.out.printf("lab set-up + teardown: %d cycles, %.1f ms each%n", CYCLES, perCycleMicros / 1000.0);
    assertThat(run("ip", "netns", "list")).isEqualTo(netnsBefore);
    assertThat(run("ip", "-o", "link")).isEqualTo(linksBefore);
    assertThat(Thread.getAllStackTraces().keySet()).as("lab and wire threads left")
        .noneMatch(t -> t.getName().startsWith("netharness-lab") || t.getName().startsWith("netharness-wire"));
    assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).as("Java threads of this JVM")
        .isLessThanOrEqualTo(javaThreadsBefore);
    awaitEveryThreadInTheJvmsNamespace();
  }

  @Test
  void labsThatCarriedTrafficLeaveEveryThreadInTheJvmsOwnNamespace() throws Exception {
    for (int i = 0; i < 5; i++) {
      try (Lab lab = Lab.start();
          TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
          TcpClient client = lab.a().call(() ->
              TcpClient.builder().address(lab.b().address(), server.address().getPort()).connect());
          UdpPeer rx = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 0));
          UdpPeer tx = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
        client.sendText("hello", StandardCharsets.UTF_8);
        tx.sendTo(rx.address(), "hello".getBytes(StandardCharsets.UTF_8));
        server.takeConnection(Duration.ofSeconds(5)).awaitReceivedText("hello", StandardCharsets.UTF_8,
            Duration.ofSeconds(5));
        rx.awaitReceivedCount(1, Duration.ofSeconds(5));
      }
    }
    awaitEveryThreadInTheJvmsNamespace();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("netharness-lab") || t.getName().startsWith("netharness-wire"));
  }

  @Test
  void closingTwiceIsANoOpAndAClosedHostRefusesWork() {
    Lab lab = Lab.start();
    lab.close();
    lab.close();
    assertThatThrownBy(() -> lab.a().call(() -> 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the lab was closed");
  }

  @Test
  void eachHostHasItsOwnNamespaceAndTheJvmKeepsItsOwn() throws Exception {
    String jvm = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    try (Lab lab = Lab.start()) {
      String a = lab.a().call(() -> Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString());
      String b = lab.b().call(() -> Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString());
      assertThat(Set.of(jvm, a, b)).hasSize(3);
      assertThat(lab.a().nsenterCommand()).startsWith("nsenter --net=/proc/");
    }
  }

  /**
   * A joined thread can still be listed in /proc/self/task for a moment while the kernel finishes its exit, so
   * this waits (briefly) for the namespaces its tasks are in to come down to the JVM's own.
   */
  private static void awaitEveryThreadInTheJvmsNamespace() {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(threadNamespaces()).as("network namespaces of this JVM's threads (/proc/self/task)").hasSize(1));
  }

  private static Set<String> threadNamespaces() throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks.map(task -> {
        try {
          return Files.readSymbolicLink(task.resolve("ns/net")).toString();
        } catch (IOException gone) {
          return "gone"; // a thread that ended while we listed
        }
      }).filter(ns -> !ns.equals("gone")).collect(Collectors.toSet());
    }
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
