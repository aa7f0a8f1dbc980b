package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResetPeerStageTest {

  @Test
  void resetsTheTimeoutAfterTheFirstChunkAndDeliversNothingMeanwhile() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.resetPeer(Duration.ofMillis(200)));
    ctx.advance(Duration.ofSeconds(5));
    assertThat(ctx.ending()).as("an idle connection is never reset").isEqualTo("open");

    ctx.send("AAAA");
    ctx.advance(Duration.ofMillis(100));
    ctx.send("BBBB");
    ctx.advance(Duration.ofMillis(100));

    assertThat(ctx.ending()).isEqualTo("reset");
    assertThat(ctx.emitted()).isEmpty();
  }

  @Test
  void removedBeforeItFiresItDeliversWhatItHeldInOrderAndNeverResets() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.resetPeer(Duration.ofMillis(200)));
    ctx.send("AAAA");
    ctx.remove();
    ctx.advance(Duration.ofSeconds(1));

    assertThat(ctx.emittedText()).isEqualTo("AAAA");
    assertThat(ctx.ending()).isEqualTo("open");
  }
}
