package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.Map;

/**
 * "slow_close": data passes untouched; when the sending side closes, the close is passed on only
 * after {@code delay}.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, new SlowClose(Duration.ofMillis(500)));
 * }</pre>
 *
 * @param delay how long the close is held ({@code delay} attribute, ms)
 */
public record SlowClose(Duration delay) implements Toxic {

  /** The wire name {@code "slow_close"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("slow_close", true,
      a -> new SlowClose(a.millis("delay")));

  public SlowClose {
    Toxics.requireMillis("delay", delay);
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("delay", delay.toMillis());
  }

  @Override
  public ToxicStage newStage() {
    return new ToxicStage() {
      private boolean pending;
      private boolean ended;

      @Override
      public void onChunk(ToxicContext ctx, Chunk chunk) {
        ctx.emit(chunk);
      }

      @Override
      public void onInputEnd(ToxicContext ctx) {
        ctx.touched(1);
        pending = true;
        ctx.schedule(delay, () -> endNow(ctx));
      }

      @Override
      public void onRemove(ToxicContext ctx) {
        if (pending) {
          endNow(ctx); // an end that is waiting goes out now
        }
      }

      private void endNow(ToxicContext ctx) {
        if (!ended) {
          ended = true;
          ctx.endOutput();
        }
      }
    };
  }
}
