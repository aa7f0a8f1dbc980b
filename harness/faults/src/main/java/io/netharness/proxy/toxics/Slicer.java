package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.ArrayList;
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

  /** The wire name {@code "slicer"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("slicer", true,
      a -> new Slicer((int) Math.max(1, a.whole("average_size", 0, Toxics.MAX_ATTRIBUTE, "bytes")),
          (int) a.whole("size_variation", 0, Toxics.MAX_ATTRIBUTE, "bytes"), a.micros("delay")));

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
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("average_size", averageSize, "size_variation", sizeVariation, "delay", delay.toNanos() / 1000);
  }

  /** The piece sizes Toxiproxy's rule gives for a chunk of {@code length} bytes. */
  public List<Integer> sizes(int length, RandomGenerator random) {
    List<Integer> sizes = new ArrayList<>();
    Cuts cuts = new Cuts(this, length);
    while (cuts.hasNext()) {
      sizes.add(cuts.next(random));
    }
    return sizes;
  }

  @Override
  public ToxicStage newStage() {
    return new SlicerStage(this);
  }

  /**
   * The pieces of one chunk, one at a time: Toxiproxy's recursive halving walked with an explicit
   * stack of segment lengths (left before right, so random draws come in the recursion's order).
   */
  static final class Cuts {
    private final Slicer rule;
    private int[] stack = new int[8];
    private int depth;

    Cuts(Slicer rule, int length) {
      this.rule = rule;
      stack[depth++] = length;
    }

    boolean hasNext() {
      return depth > 0;
    }

    int next(RandomGenerator random) {
      while (true) {
        int length = stack[--depth];
        if (length - rule.averageSize <= rule.sizeVariation) {
          return length;
        }
        int mid = length / 2;
        if (rule.sizeVariation > 0) {
          mid += random.nextInt(-rule.sizeVariation, rule.sizeVariation + 1);
        }
        mid = Math.max(1, Math.min(length - 1, mid));
        push(length - mid);
        push(mid);
      }
    }

    private void push(int length) {
      if (depth == stack.length) {
        stack = java.util.Arrays.copyOf(stack, depth * 2);
      }
      stack[depth++] = length;
    }
  }
}
