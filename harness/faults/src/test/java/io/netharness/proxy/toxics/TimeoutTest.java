package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TimeoutTest {

  @Test
  void swallowsDataAndClosesAfterTheTimeoutWithoutAChunk() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.timeout(Duration.ofMillis(100)));
    ctx.advance(Duration.ofMillis(60));
    ctx.send("lost");                      // restarts the timer
    ctx.advance(Duration.ofMillis(99));
    assertThat(ctx.ending()).isEqualTo("open");

    ctx.advance(Duration.ofMillis(1));

    assertThat(ctx.ending()).isEqualTo("closed");
    assertThat(ctx.emitted()).isEmpty();
    assertThat(ctx.droppedBytes()).isEqualTo(4);
  }

  @Test
  void zeroStallsForeverAndRemovalCloses() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.timeout(Duration.ZERO));
    ctx.send("stalled");
    ctx.advance(Duration.ofHours(1));
    assertThat(ctx.ending()).isEqualTo("open");

    ctx.remove();

    assertThat(ctx.ending()).isEqualTo("closed");
  }
}
