package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The slicer on one connection and direction. It cuts lazily: a held chunk stays one buffer, and
 * pieces are cut as they go out — a batch at a time when there is no delay (then it waits until the
 * connection can take more), one per delay otherwise. So {@code average_size 1} on bulk traffic
 * holds at most the chunks the link lets in, not a million queued one-byte writes.
 */
final class SlicerStage implements ToxicStage {
  /** Pieces cut in one go when there is no delay, before waiting for the connection to take them. */
  static final int BATCH = 64;

  private final ArrayDeque<Chunk> held = new ArrayDeque<>();
  private Slicer settings;
  private Slicer.@Nullable Cuts cuts;
  private boolean ended;
  private boolean gone;
  private boolean waiting;
  private long nextFree;

  SlicerStage(Slicer settings) {
    this.settings = settings;
  }

  @Override
  public void onChunk(ToxicContext ctx, Chunk chunk) {
    ctx.touched(chunk.length());
    held.addLast(chunk);
    if (!waiting) {
      pump(ctx);
    }
  }

  /** Sends the pieces that are due, then asks to be called back for the rest. */
  private void pump(ToxicContext ctx) {
    waiting = false;
    int sent = 0;
    while (!gone && !held.isEmpty()) {
      long now = ctx.nanoTime();
      if (nextFree > now) {
        waitFor(ctx, () -> ctx.scheduleAt(nextFree, () -> pump(ctx)));
        return;
      }
      if (sent == BATCH) {
        waitFor(ctx, () -> ctx.whenReady(() -> pump(ctx)));
        return;
      }
      Chunk chunk = held.peekFirst();
      if (cuts == null) {
        cuts = new Slicer.Cuts(settings, chunk.length());
      }
      int size = cuts.next(ctx.random());
      boolean last = !cuts.hasNext();
      Chunk piece = last ? chunk : chunk.head(size);
      if (last) {
        held.pollFirst();
        cuts = null;
      }
      nextFree = Math.max(now, nextFree) + settings.delay().toNanos();
      sent++;
      ctx.emit(new Chunk(piece.data(), Math.max(piece.receivedNanos(), now)));
    }
    if (!gone && held.isEmpty() && ended) {
      gone = true;
      ctx.endOutput();
    }
  }

  private void waitFor(ToxicContext ctx, Runnable arrange) {
    waiting = true;
    arrange.run();
  }

  @Override
  public void onInputEnd(ToxicContext ctx) {
    ended = true;
    if (held.isEmpty() && !gone) {
      gone = true;
      ctx.endOutput();
    }
  }

  /** Removal delivers what is held at once, uncut, then the end if it came. */
  @Override
  public void onRemove(ToxicContext ctx) {
    if (gone) {
      return;
    }
    gone = true;
    for (Chunk chunk; (chunk = held.pollFirst()) != null; ) {
      ctx.emit(chunk);
    }
    if (ended) {
      ctx.endOutput();
    }
  }

  @Override
  public void onClose(ToxicContext ctx) {
    gone = true;
    for (Chunk chunk; (chunk = held.pollFirst()) != null; ) {
      ctx.drop(chunk);
    }
  }

  /** New settings apply from the next chunk; the one being cut keeps its cuts. */
  @Override
  public boolean update(ToxicContext ctx, Toxic updated) {
    settings = (Slicer) updated;
    return true;
  }
}
