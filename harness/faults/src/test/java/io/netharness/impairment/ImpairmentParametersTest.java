package io.netharness.impairment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.udp.UdpPeer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ImpairmentParametersTest {
  @Test
  void probabilityOutsideZeroToOneNamesTheParameterAndTheFix() {
    assertThatThrownBy(() -> Impairments.loss(1.5)).isInstanceOf(HarnessException.class)
        .hasMessage("loss: probability must be a probability between 0.0 and 1.0, not 1.5: use e.g. 0.2 for 20%");
    assertThatThrownBy(() -> Impairments.duplicate(-0.1)).hasMessageStartingWith("duplicate: probability must be");
    assertThatThrownBy(() -> Impairments.loss(Double.NaN)).hasMessageContaining("not NaN");
    assertThatThrownBy(() -> Impairments.burstLoss(0.1, 2.0)).hasMessageStartingWith("burst loss: r (bad to good)");
    assertThatThrownBy(() -> Impairments.corrupt(1.01, 1)).hasMessageStartingWith("corrupt: probability");
  }

  @Test
  void negativeDurationsNameTheParameterAndTheFix() {
    assertThatThrownBy(() -> Impairments.delay(Duration.ofMillis(-5))).isInstanceOf(HarnessException.class)
        .hasMessage("delay: delay cannot be negative (PT-0.005S): use Duration.ZERO or a positive duration");
    assertThatThrownBy(() -> Impairments.delay(Duration.ZERO, Duration.ofMillis(-1)))
        .hasMessageStartingWith("delay: jitter cannot be negative");
    assertThatThrownBy(() -> Impairments.reorder(0.1, 2, Duration.ZERO))
        .hasMessageStartingWith("reorder: maxHold must be positive");
  }

  @Test
  void countsBelowTheirMinimumAreRejected() {
    assertThatThrownBy(() -> Impairments.reorder(0.1, 0)).isInstanceOf(HarnessException.class)
        .hasMessageContaining("gap").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Impairments.corrupt(0.1, 0)).hasMessageContaining("bits");
    assertThatThrownBy(() -> new Rate(0, 0)).hasMessageContaining("bytesPerSecond or datagramsPerSecond");
    assertThatThrownBy(() -> Impairments.bytesPerSecond(-1)).hasMessageContaining("bytesPerSecond must be at least 0");
  }

  @Test
  void relayWithoutTargetSaysWhatToCall() {
    assertThatThrownBy(() -> UdpRelay.builder().start()).isInstanceOf(HarnessException.class)
        .hasMessageContaining("call target(address)");
  }

  @Test
  void addressBeforeStartFailsFast() {
    try (UdpPeer target = UdpPeer.bind()) {
      UdpRelay relay = UdpRelay.builder().target(target.address()).build();
      assertThatThrownBy(relay::address).isInstanceOf(IllegalStateException.class).hasMessage("call start() first");
      relay.close();
    }
  }

  @Test
  void startAndCloseAreIdempotent() {
    try (UdpPeer target = UdpPeer.bind()) {
      UdpRelay relay = UdpRelay.builder().target(target.address()).seed(1).start();
      int port = relay.port();
      assertThat(relay.start().port()).isEqualTo(port);
      assertThat(relay.isRunning()).isTrue();
      assertThat(relay.toString()).contains("seed 1");
      relay.close();
      relay.close();
      assertThat(relay.isRunning()).isFalse();
    }
  }

  @Test
  void unsetSeedIsChosenAndReported() {
    try (UdpPeer target = UdpPeer.bind()) {
      UdpRelay a = UdpRelay.builder().target(target.address()).build();
      UdpRelay b = UdpRelay.builder().target(target.address()).build();
      assertThat(a.seed()).isNotEqualTo(b.seed());
      assertThat(a.toString()).contains("seed " + a.seed());
    }
  }
}
