package io.netharness.bench;

import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicStage;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Two pass-through toxics around a latency toxic that measure its own timing error, without the
 * endpoints' or the sockets' wake-ups: {@link #before()} notes when the proxy read each chunk,
 * {@link #after()} how long after that the latency toxic released it, minus the configured latency.
 * (A held chunk is re-stamped when released, so the original read time is kept here, by buffer.)
 */
final class ReleaseProbe {
  private final Duration expected;
  private final Map<ByteBuf, Long> readAt = new IdentityHashMap<>();
  private final ConcurrentLinkedQueue<Long> errors = new ConcurrentLinkedQueue<>();

  ReleaseProbe(Duration expected) {
    this.expected = expected;
  }

  Toxic before() {
    return passThrough((ctx, chunk) -> {
      synchronized (readAt) {
        readAt.put(chunk.data(), chunk.receivedNanos());
      }
      ctx.emit(chunk);
    });
  }

  Toxic after() {
    return passThrough((ctx, chunk) -> {
      Long read;
      synchronized (readAt) {
        read = readAt.remove(chunk.data());
      }
      if (read != null) {
        errors.add(ctx.nanoTime() - read - expected.toNanos());
      }
      ctx.emit(chunk);
    });
  }

  long[] errorNanos() {
    return errors.stream().mapToLong(Long::longValue).toArray();
  }

  private static Toxic passThrough(ToxicStage stage) {
    return new Toxic() {
      @Override
      public String type() {
        return "noop";
      }

      @Override
      public Map<String, Object> attributes() {
        return Map.of();
      }

      @Override
      public ToxicStage newStage() {
        return stage;
      }
    };
  }
}
