package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LimitDataTest {

  @Test
  void passesExactlyTheLimitThenClosesAfterThatOutput() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.limitData(5));
    ctx.send("abc");
    ctx.send("defgh");
    ctx.send("ignored");

    assertThat(ctx.emittedText()).isEqualTo("abcde");
    assertThat(ctx.ending()).isEqualTo("closed after output");
    assertThat(ctx.droppedBytes()).isEqualTo(3 + 7);
  }

  @Test
  void anUpdateKeepsTheCountSoFar() {
    VirtualToxicContext ctx = new VirtualToxicContext(Toxics.limitData(4));
    ctx.send("ab");

    assertThat(ctx.update(Toxics.limitData(3))).isTrue();
    ctx.send("cd");

    assertThat(ctx.emittedText()).isEqualTo("abc");
    assertThat(ctx.ending()).isEqualTo("closed after output");
  }
}
