package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BandwidthTest {

  @Test
  void bytesLeaveAtTheRateInPiecesOfAHundredMilliseconds() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.bandwidth(10)); // 10 KB/s = 1000 B per 100 ms
    ctx.sendBytes(5000);

    ctx.advance(Duration.ofMillis(99));
    assertThat(ctx.emitted()).isEmpty();
    ctx.advance(Duration.ofMillis(401));

    assertThat(ctx.emitted()).extracting(e -> e.text().length()).containsExactly(1000, 1000, 1000, 1000, 1000);
    assertThat(ctx.emitted()).extracting(VirtualToxicContext.Emitted::atNanos)
        .containsExactly(100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L, 500_000_000L);
  }

  @Test
  void rateZeroHoldsEverythingUntilTheRateRises() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.bandwidth(0));
    ctx.send("waiting");
    ctx.advance(Duration.ofSeconds(60));
    assertThat(ctx.emitted()).isEmpty();

    assertThat(ctx.update(Toxics.bandwidth(1000))).isTrue();
    ctx.advance(Duration.ofMillis(1));

    assertThat(ctx.emittedText()).isEqualTo("waiting");
  }
}
