package io.netharness.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicStage;
import io.netharness.proxy.toxics.Toxics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WireToxicTest {

  @Test
  void latencyKeepsMillisecondsAndJitter() {
    WireToxic wire = WireToxic.of(Toxics.latency(Duration.ofMillis(100)).withJitter(Duration.ofMillis(10)));
    assertThat(wire.type()).isEqualTo("latency");
    assertThat(wire.attributes()).containsExactly(Map.entry("latency", 100L), Map.entry("jitter", 10L));
  }

  @Test
  void bandwidthKeepsKilobytesPerSecond() {
    WireToxic wire = WireToxic.of(Toxics.bandwidth(64));
    assertThat(wire.type()).isEqualTo("bandwidth");
    assertThat(wire.attributes()).containsExactly(Map.entry("rate", 64L));
  }

  @Test
  void slicerDelayGoesInMicroseconds() {
    WireToxic wire = WireToxic.of(Toxics.slicer(10, 5, Duration.ofMillis(2)));
    assertThat(wire.type()).isEqualTo("slicer");
    assertThat(wire.attributes())
        .containsEntry("average_size", 10L).containsEntry("size_variation", 5L).containsEntry("delay", 2000L);
  }

  @Test
  void closingToxicsMapToTheirClientTypes() {
    assertThat(WireToxic.of(Toxics.slowClose(Duration.ofMillis(500))).attributes()).containsExactly(Map.entry("delay", 500L));
    assertThat(WireToxic.of(Toxics.timeout(Duration.ofSeconds(1))).type()).isEqualTo("timeout");
    assertThat(WireToxic.of(Toxics.timeout(Duration.ofSeconds(1))).attributes()).containsExactly(Map.entry("timeout", 1000L));
    assertThat(WireToxic.of(Toxics.resetPeer(Duration.ZERO)).type()).isEqualTo("reset_peer");
    assertThat(WireToxic.of(Toxics.resetPeer(Duration.ofMillis(100))).attributes()).containsEntry("timeout", 100L);
    assertThat(WireToxic.of(Toxics.limitData(10)).type()).isEqualTo("limit_data");
    assertThat(WireToxic.of(Toxics.limitData(10)).attributes()).containsEntry("bytes", 10L);
  }

  @Test
  void everyToxiproxyTypeMapsAndTheEmbeddedOnlyOnesDoNot() {
    java.util.Set<String> embeddedOnly = java.util.Set.of("packet_loss", "close_connection");
    for (String type : Toxics.TYPES) {
      Map<String, ?> defaults = type.equals("packet_loss") ? Map.of("loss_rate", 0.1, "retransmit", 200) : Map.of();
      Toxic toxic = Toxics.fromAttributes(type, defaults);
      if (embeddedOnly.contains(type)) {
        assertThatThrownBy(() -> WireToxic.of(toxic)).as(type).isInstanceOf(HarnessException.class);
      } else {
        assertThat(WireToxic.of(toxic).type()).as(type).isNotNull();
      }
    }
  }

  @Test
  void aContentTriggerIsRefusedNamingItsTag() {
    assertThatThrownBy(() -> WireToxic.of(Toxics.after(new byte[] {1}, Toxics.noop())))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("@triggers");
  }

  @Test
  void noopIsSentAsNoopWithoutAttributes() {
    WireToxic wire = WireToxic.of(Toxics.noop());
    assertThat(wire.type()).isEqualTo("noop");
    assertThat(wire.attributes()).isEmpty();
  }

  @Test
  void packetLossIsRefusedNamingTheCapabilityTagAndTheEmbeddedBackend() {
    assertThatThrownBy(() -> WireToxic.of(Toxics.packetLoss(0.2)))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("packet_loss")
        .hasMessageContaining("PACKET_LOSS")
        .hasMessageContaining("@packet-loss")
        .hasMessageContaining("skipped")
        .hasMessageContaining("netharness.faults=embedded");
  }

  @Test
  void aToxicOfAnUnknownTypeIsRefusedListingWhatToxiproxyKnows() {
    Toxic custom = new Toxic() {
      @Override
      public String type() {
        return "corrupt";
      }

      @Override
      public Map<String, Object> attributes() {
        return Map.of();
      }

      @Override
      public ToxicStage newStage() {
        throw new UnsupportedOperationException();
      }
    };
    assertThatThrownBy(() -> WireToxic.of(custom))
        .hasMessageContaining("\"corrupt\"")
        .hasMessageContaining("latency")
        .hasMessageContaining("limit_data");
  }

  @Test
  void fractionalAttributesAreRefusedBecauseToxiproxyTakesWholeNumbers() {
    Toxic fractional = new Toxic() {
      @Override
      public String type() {
        return "bandwidth";
      }

      @Override
      public Map<String, Object> attributes() {
        return Map.of("rate", 1.5);
      }

      @Override
      public ToxicStage newStage() {
        throw new UnsupportedOperationException();
      }
    };
    assertThatThrownBy(() -> WireToxic.of(fractional)).hasMessageContaining("whole numbers");
  }
}
