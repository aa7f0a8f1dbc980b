package io.netharness.lab;

import static io.netharness.lab.LabAssumptions.assumeLab;
import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.udp.UdpPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class JitterTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @BeforeEach
  void needsTheLab() {
    assumeLab();
  }

  @Test
  void underJitterEachPacketWaitsItsOwnDrawnDelayAndNoneOvertakesAnother() {
    Path pcap = dir.resolve("jitter.pcap");
    Impairment jittery = Impairment.none().withDelay(Duration.ofMillis(20), Duration.ofMillis(15));
    try (Lab lab = Lab.builder().seed(11).impair(Direction.A_TO_B, jittery).capture(pcap).start();
        UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 0));
        UdpPeer sender = lab.a().call(() -> UdpPeer.bind("tx", lab.a().address(), 0))) {
      for (int i = 0; i < 100; i++) {
        sender.sendTo(receiver.address(), new byte[] {(byte) i});
      }
      receiver.awaitReceivedCount(100, WAIT);
      assertThat(receiver.received()).extracting(d -> (int) d.bytes()[0])
          .containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
    }
    List<Duration> delays = LabCapture.read(pcap).packets().stream().map(p -> p.delay().orElseThrow()).toList();
    assertThat(delays).hasSize(100)
        .allMatch(d -> d.compareTo(Duration.ofMillis(5)) >= 0 && d.compareTo(Duration.ofMillis(35)) <= 0);
    assertThat(delays.stream().distinct().count()).as("drawn per packet").isGreaterThan(90);
  }
}
