package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * "slicer": cuts each chunk into small pieces, with {@code delay} between pieces. Toxiproxy's
 * halving rule: a segment stops being cut when {@code length − averageSize <= sizeVariation};
 * otherwise it is cut at its middle ± a random amount up to {@code sizeVariation}. With variation
 * 0, 1000 bytes at average 100 become 16 pieces of 62–63 bytes.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.slicer(10, 5, Duration.ofNanos(0)));
 * }</pre>
 *
 * @param averageSize target piece size in bytes ({@code average_size})
 * @param sizeVariation allowed deviation in bytes ({@code size_variation})
 * @param delay pause after each piece ({@code delay} attribute, in microseconds)
 */
public record Slicer(int averageSize, int sizeVariation, Duration delay) implements Toxic {

  public Slicer {
    if (averageSize < 1) {
      throw new HarnessException("slicer average_size must be at least 1 byte, not " + averageSize);
    }
    if (sizeVariation < 0) {
      throw new HarnessException("slicer size_variation cannot be negative: " + sizeVariation);
    }
    Toxics.requireMicros("delay", delay);
  }

  @Override
  public String type() {
    return "slicer";
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("average_size", averageSize);
    a.put("size_variation", sizeVariation);
    a.put("delay", delay.toNanos() / 1000);
    return a;
  }

  /** The piece sizes Toxiproxy's rule gives for a chunk of {@code length} bytes. */
  public List<Integer> sizes(int length, RandomGenerator random) {
    List<Integer> sizes = new ArrayList<>();
    cut(0, length, random, sizes);
    return sizes;
  }

  private void cut(int start, int end, RandomGenerator random, List<Integer> out) {
    int length = end - start;
    if (length - averageSize <= sizeVariation) {
      out.add(length);
      return;
    }
    int mid = start + length / 2;
    if (sizeVariation > 0) {
      mid += random.nextInt(-sizeVariation, sizeVariation + 1);
    }
    mid = Math.max(start + 1, Math.min(end - 1, mid));
    cut(start, mid, random, out);
    cut(mid, end, random, out);
  }

  @Override
  public ToxicStage newStage() {
    return new HoldingStage() {
      private Slicer settings = Slicer.this;

      @Override
      public boolean update(ToxicContext ctx, Toxic updated) {
        settings = (Slicer) updated; // applies to the next chunk; held ones keep their times
        return true;
      }

      private long nextFree;

      @Override
      public void onChunk(ToxicContext ctx, Chunk chunk) {
        ctx.touched(chunk.length());
        List<Integer> pieces = settings.sizes(chunk.length(), ctx.random());
        for (int i = 0; i < pieces.size(); i++) {
          Chunk piece = i == pieces.size() - 1 ? chunk : chunk.head(pieces.get(i));
          held.add(piece);
          long due = Math.max(ctx.nanoTime(), nextFree);
          nextFree = due + settings.delay().toNanos();
          ctx.scheduleAt(due, () -> held.releaseOne(ctx));
        }
      }
    };
  }
}
