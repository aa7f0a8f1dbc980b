package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ToxicOptionTest {

  @Test
  void aBareTypeIsADownstreamToxicWithDefaults() {
    ToxicOption toxic = ToxicOption.parse("reset_peer");
    assertThat(toxic.proxy()).isNull();
    assertThat(toxic.toJson()).isEqualTo("{\"type\":\"reset_peer\",\"stream\":\"downstream\",\"attributes\":{}}");
  }

  @Test
  void proxyAttributesAndGeneralKeysBecomeTheApiBody() {
    ToxicOption toxic = ToxicOption.parse("db/Bandwidth:rate=64, stream=UpStream,toxicity=0.5,name=slow");
    assertThat(toxic.proxy()).isEqualTo("db");
    assertThat(toxic.toJson()).isEqualTo(
        "{\"type\":\"bandwidth\",\"name\":\"slow\",\"stream\":\"upstream\",\"toxicity\":0.5,\"attributes\":{\"rate\":64}}");
  }

  @Test
  void anUnknownTypeListsTheTypes() {
    assertThatThrownBy(() -> ToxicOption.parse("lag:latency=1"))
        .hasMessageContaining("--toxic lag:latency=1: unknown toxic type \"lag\"")
        .hasMessageContaining("latency, bandwidth");
  }

  @Test
  void anUnknownAttributeListsTheToxicsAttributes() {
    assertThatThrownBy(() -> ToxicOption.parse("latency:delay=100"))
        .hasMessageContaining("latency has no attribute \"delay\"; its attributes are latency, jitter");
  }

  @Test
  void badValuesNameTheKeyAndTheFix() {
    assertThatThrownBy(() -> ToxicOption.parse("latency:latency=100ms"))
        .hasMessageContaining("latency must be a number, not \"100ms\"");
    assertThatThrownBy(() -> ToxicOption.parse("latency:latency=-5")).hasMessageContaining("cannot be negative");
    assertThatThrownBy(() -> ToxicOption.parse("latency:toxicity=2")).hasMessageContaining("probability from 0 to 1");
    assertThatThrownBy(() -> ToxicOption.parse("latency:stream=both")).hasMessageContaining("upstream or downstream");
    assertThatThrownBy(() -> ToxicOption.parse("latency:latency")).hasMessageContaining("\"latency\" is not key=value");
    assertThatThrownBy(() -> ToxicOption.parse("/latency")).hasMessageContaining("proxy name before '/' is empty");
    assertThatThrownBy(() -> ToxicOption.parse("latency:latency=1,latency=2")).hasMessageContaining("latency is given twice");
    assertThatThrownBy(() -> ToxicOption.parse("latency:latency=1,")).hasMessageContaining("an empty key=value");
    assertThatThrownBy(() -> ToxicOption.parse("latency:latency=1,,jitter=2")).hasMessageContaining("an empty key=value");
  }
}
