package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LatencyTest {

  @Test
  void aChunkLeavesExactlyTheLatencyAfterItArrived() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.latency(Duration.ofMillis(100)));
    ctx.send("abc");

    ctx.advance(Duration.ofMillis(99));
    assertThat(ctx.emitted()).isEmpty();
    ctx.advance(Duration.ofMillis(1));
    assertThat(ctx.emitted()).containsExactly(new VirtualToxicContext.Emitted("abc", 100_000_000L));
  }

  @Test
  void jitterVariesTheDelayWithinItsRangeButNeverReorders() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.latency(Duration.ofMillis(100)).withJitter(Duration.ofMillis(50)));
    for (int i = 0; i < 100; i++) {
      ctx.send(String.format("%03d", i));
      ctx.advance(Duration.ofMillis(1));
    }
    ctx.advance(Duration.ofSeconds(1));

    assertThat(ctx.emittedText()).hasSize(300).startsWith("000001002").endsWith("097098099");
    long previous = 0;
    for (int i = 0; i < 100; i++) {
      long at = ctx.emitted().get(i).atNanos();
      long arrived = i * 1_000_000L;
      assertThat(at).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(arrived + 50_000_000L);
      previous = at;
    }
  }

  @Test
  void removalDeliversWhatItHeldAtOnce() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.latency(Duration.ofSeconds(10)));
    ctx.send("held");

    ctx.remove();

    assertThat(ctx.emittedText()).isEqualTo("held");
  }
}
