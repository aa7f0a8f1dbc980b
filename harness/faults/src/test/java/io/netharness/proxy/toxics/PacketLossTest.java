package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PacketLossTest {

  @Test
  void aLostChunkArrivesOneRetransmitLaterAndHoldsUpEverythingBehindIt() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.packetLoss(1.0)); // every chunk is lost once
    ctx.send("first");
    ctx.advance(Duration.ofMillis(10));
    ctx.send("second");

    ctx.advance(Duration.ofMillis(189));
    assertThat(ctx.emitted()).isEmpty();
    ctx.advance(Duration.ofSeconds(1));

    assertThat(ctx.emittedText()).isEqualTo("firstsecond");
    assertThat(ctx.emitted().get(0).atNanos()).isEqualTo(200_000_000L);
  }

  @Test
  void theSameSeedLosesTheSameChunks() {
    String first = lossPattern(7);
    String again = lossPattern(7);

    assertThat(again).isEqualTo(first);
    assertThat(first).contains("L").contains(".");
  }

  private static String lossPattern(long seed) {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.packetLoss(0.3), seed);
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      long before = ctx.touchedBytes();
      ctx.send("x");
      pattern.append(ctx.touchedBytes() > before ? 'L' : '.');
      ctx.advance(Duration.ofSeconds(1));
    }
    return pattern.toString();
  }
}
