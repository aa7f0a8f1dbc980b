package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.util.Map;

/**
 * "bandwidth": limits a direction to {@code rate} KB/s (KB = 1000 bytes). A chunk larger than
 * rate × 100 bytes goes out in rate × 100-byte pieces, one per 100 ms. Rate 0 holds all data
 * (Testcontainers' "cut connection"); removing the toxic delivers it.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.bandwidth(64));    // 64 KB/s
 * }</pre>
 *
 * @param rate kilobytes (1000 B) per second ({@code rate} attribute)
 */
public record Bandwidth(long rate) implements Toxic {

  /** The wire name {@code "bandwidth"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("bandwidth", true,
      a -> new Bandwidth(a.whole("rate", 0, Toxics.MAX_ATTRIBUTE, "KB/s")));

  public Bandwidth {
    if (rate < 0) {
      throw new HarnessException("bandwidth rate cannot be negative: " + rate + " KB/s; use 0 to hold all data");
    }
    if (rate > Toxics.MAX_ATTRIBUTE) {
      throw Toxics.outOfRange("rate", 0, Toxics.MAX_ATTRIBUTE, "KB/s", rate);
    }
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("rate", rate);
  }

  @Override
  public ToxicStage newStage() {
    return new Stage(rate);
  }

  private static final class Stage extends HoldingStage {
    private final java.util.ArrayDeque<Integer> unscheduled = new java.util.ArrayDeque<>(); // held at rate 0
    private long rate;
    private long nextFree;

    Stage(long rate) {
      this.rate = rate;
    }

    @Override
    public void onChunk(ToxicContext ctx, Chunk chunk) {
      ctx.touched(chunk.length());
      if (rate <= 0) {
        held.add(chunk); // released when the rate becomes positive or the toxic is removed
        unscheduled.addLast(chunk.length());
        return;
      }
      // rate <= 2^31 - 1, so rate * 100 cannot overflow; a piece is never empty
      int pieceMax = (int) Math.max(1, Math.min(Integer.MAX_VALUE, rate * 100));
      while (chunk.length() > 0) {
        Chunk piece = chunk.length() > pieceMax ? chunk.head(pieceMax) : chunk;
        held.add(piece);
        schedule(ctx, piece.length());
        if (piece == chunk) {
          break;
        }
      }
    }

    /** bytes / (rate * 1000 B/s) = bytes * 1e6 / rate nanoseconds after the previous piece. */
    private void schedule(ToxicContext ctx, int bytes) {
      long due = Math.max(ctx.nanoTime(), nextFree) + bytes * 1_000_000L / rate;
      nextFree = due;
      ctx.scheduleAt(due, () -> held.releaseOne(ctx));
    }

    /** A new rate applies to what comes next; what a rate of 0 held starts flowing at the new rate. */
    @Override
    public boolean update(ToxicContext ctx, Toxic updated) {
      rate = ((Bandwidth) updated).rate();
      while (rate > 0 && !unscheduled.isEmpty()) {
        schedule(ctx, unscheduled.pollFirst());
      }
      return true;
    }
  }
}
