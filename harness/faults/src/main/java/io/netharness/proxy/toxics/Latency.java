package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.Map;

/**
 * "latency": delays each chunk by {@code latency} ± {@code jitter} (uniform in
 * [latency − jitter, latency + jitter)), measured from when the proxy received it. Chunks keep
 * their order and are pipelined, so throughput is not capped. Removal delivers held chunks at once.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Latency.of(Duration.ofMillis(100)).withJitter(Duration.ofMillis(10)));
 * }</pre>
 *
 * @param latency the delay ({@code latency} attribute, ms)
 * @param jitter the spread ({@code jitter} attribute, ms)
 */
public record Latency(Duration latency, Duration jitter) implements Toxic {

  /** The wire name {@code "latency"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("latency", true,
      a -> new Latency(a.millis("latency"), a.millis("jitter")));

  public Latency {
    Toxics.requireMillis("latency", latency);
    Toxics.requireMillis("jitter", jitter);
  }

  public static Latency of(Duration latency) {
    return new Latency(latency, Duration.ZERO);
  }

  public Latency withJitter(Duration jitter) {
    return new Latency(latency, jitter);
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("latency", latency.toMillis(), "jitter", jitter.toMillis());
  }

  @Override
  public ToxicStage newStage() {
    return new Stage(this);
  }

  private static final class Stage extends HoldingStage {
    private Latency settings;
    private long lastDue;

    Stage(Latency settings) {
      this.settings = settings;
    }

    @Override
    public void onChunk(ToxicContext ctx, Chunk chunk) {
      ctx.touched(chunk.length());
      long delay = settings.latency.toNanos();
      long jitter = settings.jitter.toNanos();
      if (jitter > 0) {
        delay += ctx.random().nextLong(-jitter, jitter);
      }
      // never before an earlier chunk: latency delays, it does not reorder
      long due = Math.max(lastDue, chunk.receivedNanos() + Math.max(0, delay));
      lastDue = due;
      boolean afterIdle = held.isEmpty();
      held.add(chunk);
      if (afterIdle) {
        // a request after a quiet spell: its reply time is what a test reads, so the loop's wake-up must not add to it
        ctx.scheduleAtPrecisely(due, () -> held.releaseOne(ctx));
      } else {
        ctx.scheduleAt(due, () -> held.releaseOne(ctx));
      }
    }

    @Override
    public boolean update(ToxicContext ctx, Toxic updated) {
      settings = (Latency) updated;
      return true;
    }
  }
}
