package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "reset_peer": on the first chunk in its direction, waits {@code timeout}, then aborts the
 * connection with RST to both sides; data arriving meanwhile is discarded. An idle connection is
 * never reset. Unlike Toxiproxy 2.12, connections that were open before the toxic was added get
 * the RST too (Toxiproxy gives them a plain EOF).
 *
 * <pre>{@code
 * proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ZERO));
 * }</pre>
 *
 * @param timeout wait after the first chunk ({@code timeout} attribute, ms)
 */
public record ResetPeer(Duration timeout) implements Toxic {

  public ResetPeer {
    Toxics.requireNonNegative("timeout", timeout);
  }

  @Override
  public String type() {
    return "reset_peer";
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("timeout", timeout.toMillis());
    return a;
  }

  @Override
  public ToxicStage newStage() {
    return new ToxicStage() {
      private boolean triggered;

      @Override
      public void onChunk(ToxicContext ctx, Chunk chunk) {
        ctx.touched(chunk.length());
        ctx.drop(chunk);
        if (!triggered) {
          triggered = true;
          ctx.schedule(timeout, ctx::resetConnection);
        }
      }
    };
  }
}
