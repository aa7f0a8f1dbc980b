package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.ToxicContext;
import java.util.ArrayDeque;

/**
 * Chunks a toxic holds back, in order, with the end of input queued behind them. Each scheduled
 * release lets out exactly one item, and the end follows the last chunk; removal lets out all.
 */
final class Held {
  private static final Object END = new Object();
  private final ArrayDeque<Object> items = new ArrayDeque<>();

  void add(Chunk chunk) {
    items.addLast(chunk);
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  /** Passes the end on now if nothing is held, else after the held chunks. */
  void end(ToxicContext ctx) {
    if (items.isEmpty()) {
      ctx.endOutput();
    } else {
      items.addLast(END);
    }
  }

  void releaseOne(ToxicContext ctx) {
    Object next = items.pollFirst();
    if (next instanceof Chunk chunk) {
      // re-stamped: a later toxic measures its own delay from now (two latencies add up)
      ctx.emit(new Chunk(chunk.data(), Math.max(chunk.receivedNanos(), ctx.nanoTime())));
    }
    if (items.peekFirst() == END) {
      items.pollFirst();
      ctx.endOutput();
    }
  }

  void releaseAll(ToxicContext ctx) {
    for (Object next; (next = items.pollFirst()) != null; ) {
      if (next instanceof Chunk chunk) {
        ctx.emit(chunk);
      } else {
        ctx.endOutput();
      }
    }
  }

  void dropAll(ToxicContext ctx) {
    for (Object next; (next = items.pollFirst()) != null; ) {
      if (next instanceof Chunk chunk) {
        ctx.drop(chunk);
      }
    }
  }
}
