package io.netharness.proxy.toxics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NoopTest {

  @Test
  void passesEverythingAtOnceAndTheEndToo() {
    VirtualToxicContext ctx = new VirtualToxicContext(new Noop());
    ctx.send("as is");
    ctx.finishInput();

    assertThat(ctx.emitted()).containsExactly(new VirtualToxicContext.Emitted("as is", 0));
    assertThat(ctx.endsPassedOn()).isEqualTo(1);
  }
}
