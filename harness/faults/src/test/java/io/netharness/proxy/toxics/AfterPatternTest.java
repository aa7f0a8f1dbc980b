package io.netharness.proxy.toxics;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AfterPatternTest {

  @Test
  void bytesUpToThePatternPassAndTheInnerToxicActsOnWhatFollowsEvenAcrossChunks() {
    VirtualToxicContext ctx = new VirtualToxicContext(
        Toxics.after("LOGIN OK\n".getBytes(US_ASCII), Toxics.latency(Duration.ofMillis(500))));
    ctx.send("hello LOGIN");
    ctx.send(" OK\nsecret");

    assertThat(ctx.emittedText()).isEqualTo("hello LOGIN OK\n");
    ctx.advance(Duration.ofMillis(500));
    assertThat(ctx.emittedText()).isEqualTo("hello LOGIN OK\nsecret");
  }

  @Test
  void withoutThePatternTheInnerToxicNeverActs() {
    VirtualToxicContext ctx = new VirtualToxicContext(
        Toxics.after("QUIT".getBytes(US_ASCII), Toxics.resetPeer(Duration.ZERO)));
    ctx.send("QUI");
    ctx.send("ET");
    ctx.advance(Duration.ofSeconds(1));

    assertThat(ctx.emittedText()).isEqualTo("QUIET");
    assertThat(ctx.ending()).isEqualTo("open");
  }
}
