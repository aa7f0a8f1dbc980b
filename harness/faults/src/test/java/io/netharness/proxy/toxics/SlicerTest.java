package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SlicerTest {

  @Test
  void aThousandBytesAtAverageHundredBecomeSixteenPiecesOfSixtyTwoOrThree() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.slicer(100, 0, Duration.ZERO));
    ctx.sendBytes(1000);
    ctx.advance(Duration.ofMillis(1));

    assertThat(ctx.emitted()).hasSize(16);
    assertThat(ctx.emitted()).allSatisfy(e -> assertThat(e.text().length()).isBetween(62, 63));
    assertThat(ctx.emittedText()).hasSize(1000);
  }

  @Test
  void piecesKeepTheOrderOfTheBytesAndTheDelayBetweenThem() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.slicer(1, 0, Duration.ofMillis(10)));
    ctx.send("abcd");
    ctx.advance(Duration.ofSeconds(1));

    assertThat(ctx.emitted()).extracting(VirtualToxicContext.Emitted::text).containsExactly("a", "b", "c", "d");
    long first = ctx.emitted().get(0).atNanos();
    assertThat(ctx.emitted().get(3).atNanos() - first).isGreaterThanOrEqualTo(30_000_000L);
  }
}
