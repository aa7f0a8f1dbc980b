package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.LinkedHashMap;
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

  public SlowClose {
    Toxics.requireMillis("delay", delay);
  }

  @Override
  public String type() {
    return "slow_close";
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("delay", delay.toMillis());
    return a;
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
