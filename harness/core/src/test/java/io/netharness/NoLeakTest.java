package io.netharness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Opens and closes endpoints a thousand times and checks that file descriptors and threads come
 * back to where they were. The baseline is taken after a warm-up, so the shared event loop
 * threads (and their epoll/eventfd descriptors) and the lazily opened class-path jars already
 * exist; the return is awaited, never slept for.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoLeakTest {
  private static final int CYCLES = 1_000;
  private static final int WARM_UP_CYCLES = 50;
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration SETTLE = Duration.ofSeconds(15);

  /*
   * Tolerances. A leaked client, server or UDP socket costs one descriptor per cycle, so a leak
   * shows up as ~1,000 extra descriptors; the check could allow tens without losing its teeth.
   * We allow 2: the JVM opens a class-path jar the first time a class is loaded from it and keeps
   * it open, and a class first needed after the warm-up (say, by a rarely taken branch) can add
   * one or two such descriptors that are not a leak. Threads get no tolerance: endpoints run on
   * the shared event loop group, so after the warm-up a cycle must start no thread at all. The
   * one thread that comes and goes is Netty's GlobalEventExecutor (it closes channel groups and
   * exits after 1 s idle); we take the baseline without it and wait for it to leave at the end.
   */
  private static final long FD_TOLERANCE = 2;
  private static final int THREAD_TOLERANCE = 0;
  private static final String TRANSIENT_THREAD = "globalEventExecutor";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private UnixOperatingSystemMXBean os;

  @BeforeEach
  void requireUnix() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    assumeTrue(bean instanceof UnixOperatingSystemMXBean,
        "NoLeakTest skipped: counting open file descriptors needs com.sun.management.UnixOperatingSystemMXBean, "
            + "which this platform (" + System.getProperty("os.name") + ") does not provide");
    os = (UnixOperatingSystemMXBean) bean;
  }

  @Test
  void tcpClientAndServerCyclesReturnDescriptorsAndThreads() {
    Level baseline = warmUpAndMeasure(() -> freshServerCycle(0));
    for (int i = 0; i < CYCLES; i++) {
      freshServerCycle(i);
    }
    awaitReturnTo(baseline, "after " + CYCLES + " TCP server+client cycles");
  }

  @Test
  void longLivedServerClosesEachClientsConnection() {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).name("long-lived").build().start()) {
      Level baseline = warmUpAndMeasure(() -> clientCycle(server, 0));
      for (int i = 0; i < CYCLES; i++) {
        clientCycle(server, i);
      }
      // The server stays open: its side of every connection must be closed after the client's FIN.
      awaitReturnTo(baseline, "after " + CYCLES + " clients of one server");
      assertThat(server.openConnectionCount()).isZero();
    }
  }

  @Test
  void udpPeerCyclesReturnDescriptorsAndThreads() {
    Level baseline = warmUpAndMeasure(() -> udpCycle(0));
    for (int i = 0; i < CYCLES; i++) {
      udpCycle(i);
    }
    awaitReturnTo(baseline, "after " + CYCLES + " UDP bind/send/close cycles");
  }

  // ---- the cycles ------------------------------------------------------------------------------

  private static void freshServerCycle(int i) {
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start()) {
      clientCycle(server, i);
    }
  }

  private static void clientCycle(TcpServer server, int i) {
    String text = "ping " + i;
    try (TcpClient client = TcpClient.connect(server.address())) {
      client.sendText(text, UTF_8);
      client.expectText(text, UTF_8, WAIT);
    }
  }

  private static void udpCycle(int i) {
    byte[] bytes = ("datagram " + i).getBytes(UTF_8);
    try (UdpPeer sender = UdpPeer.bind(); UdpPeer receiver = UdpPeer.bind()) {
      sender.sendTo(receiver.address(), bytes);
      receiver.expectDatagram(bytes, UTF_8, WAIT);
    }
  }

  // ---- measuring -------------------------------------------------------------------------------

  private record Level(long fds, int threads, Set<String> threadNames) {}

  private Level warmUpAndMeasure(Runnable cycle) {
    for (int i = 0; i < WARM_UP_CYCLES; i++) {
      cycle.run();
    }
    await("the transient " + TRANSIENT_THREAD + " thread to finish").pollInSameThread()
        .pollInterval(Duration.ofMillis(20)).atMost(SETTLE)
        .until(() -> threadNames().stream().noneMatch(n -> n.startsWith(TRANSIENT_THREAD)));
    return new Level(os.getOpenFileDescriptorCount(), threads.getThreadCount(), threadNames());
  }

  private void awaitReturnTo(Level baseline, String when) {
    await(when).pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(SETTLE).untilAsserted(() -> {
      long fds = os.getOpenFileDescriptorCount();
      assertThat(fds)
          .as("open file descriptors %s: baseline %d (+%d tolerated), now %d; open now: %s",
              when, baseline.fds(), FD_TOLERANCE, fds, describeOpenDescriptors())
          .isLessThanOrEqualTo(baseline.fds() + FD_TOLERANCE);
      int live = threads.getThreadCount();
      assertThat(live)
          .as("live threads %s: baseline %d, now %d; new threads: %s",
              when, baseline.threads(), live, newThreads(baseline))
          .isLessThanOrEqualTo(baseline.threads() + THREAD_TOLERANCE);
    });
  }

  private Set<String> threadNames() {
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(Objects::nonNull)
        .map(ThreadInfo::getThreadName)
        .collect(Collectors.toSet());
  }

  private Set<String> newThreads(Level baseline) {
    return threadNames().stream().filter(n -> !baseline.threadNames().contains(n)).collect(Collectors.toSet());
  }

  /** On Linux, what the open descriptors are, by kind (socket, pipe, anon_inode:[eventpoll], jar...). */
  private static String describeOpenDescriptors() {
    Path fdDir = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fdDir)) {
      return "(no /proc/self/fd here)";
    }
    Map<String, Integer> byKind = new TreeMap<>();
    try (Stream<Path> fds = Files.list(fdDir)) {
      fds.forEach(fd -> {
        String kind;
        try {
          String target = Files.readSymbolicLink(fd).toString();
          kind = target.startsWith("socket:") ? "socket" : target.startsWith("pipe:") ? "pipe"
              : target.endsWith(".jar") ? "jar" : target;
        } catch (IOException gone) {
          return; // closed while listing, e.g. the directory stream itself
        }
        byKind.merge(kind, 1, Integer::sum);
      });
    } catch (IOException e) {
      return "(cannot list /proc/self/fd: " + e.getMessage() + ")";
    }
    return byKind.toString();
  }
}
