package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.Map;

/**
 * "timeout": swallows all data in its direction (a stalled peer). With a positive
 * {@code timeout}, closes the connection once no chunk arrived for that long — every chunk
 * restarts the timer; 0 stalls forever. Removing it closes the connection, because data was lost.
 *
 * <pre>{@code
 * proxy.add(Direction.UPSTREAM, Toxics.timeout(Duration.ofMillis(500)));
 * }</pre>
 *
 * @param timeout idle time before closing, 0 = never ({@code timeout} attribute, ms)
 */
public record Timeout(Duration timeout) implements Toxic {

  /** The wire name {@code "timeout"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("timeout", true,
      a -> new Timeout(a.millis("timeout")));

  public Timeout {
    Toxics.requireMillis("timeout", timeout);
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("timeout", timeout.toMillis());
  }

  @Override
  public ToxicStage newStage() {
    return new Stage(timeout);
  }

  private static final class Stage implements ToxicStage {
    private Duration timeout;
    private long generation;

    Stage(Duration timeout) {
      this.timeout = timeout;
    }

    @Override
    public void onAttach(ToxicContext ctx) {
      arm(ctx); // an idle connection times out too
    }

    @Override
    public void onChunk(ToxicContext ctx, Chunk chunk) {
      ctx.touched(chunk.length());
      ctx.drop(chunk);
      arm(ctx);
    }

    @Override
    public void onInputEnd(ToxicContext ctx) {
      // the end is swallowed too: the other side never hears it
    }

    @Override
    public void onRemove(ToxicContext ctx) {
      ctx.closeConnection();
    }

    /** A new timeout restarts the timer; the connection stays open (as Toxiproxy's update does). */
    @Override
    public boolean update(ToxicContext ctx, Toxic updated) {
      timeout = ((Timeout) updated).timeout();
      generation++;
      arm(ctx);
      return true;
    }

    private void arm(ToxicContext ctx) {
      if (timeout.isZero()) {
        return;
      }
      long mine = ++generation;
      ctx.schedule(timeout, () -> {
        if (mine == generation) {
          ctx.closeConnection();
        }
      });
    }
  }
}
