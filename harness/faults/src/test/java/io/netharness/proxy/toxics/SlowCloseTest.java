package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SlowCloseTest {

  @Test
  void dataPassesAtOnceAndTheFinWaitsTheDelay() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.slowClose(Duration.ofMillis(300)));
    ctx.send("bye");
    ctx.finishInput();

    assertThat(ctx.emittedText()).isEqualTo("bye");
    ctx.advance(Duration.ofMillis(299));
    assertThat(ctx.endsPassedOn()).isZero();
    ctx.advance(Duration.ofMillis(1));
    assertThat(ctx.endsPassedOn()).isEqualTo(1);
  }

  @Test
  void removalSendsAWaitingFinNowAndOnlyOnce() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.slowClose(Duration.ofSeconds(5)));
    ctx.finishInput();

    ctx.remove();
    ctx.advance(Duration.ofSeconds(10));

    assertThat(ctx.endsPassedOn()).isEqualTo(1);
  }
}
