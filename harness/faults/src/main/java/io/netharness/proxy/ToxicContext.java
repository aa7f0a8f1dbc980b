package io.netharness.proxy;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What a {@link ToxicStage} may do: pass chunks on, drop them, wait, end or break the connection.
 * Randomness comes from {@link #random()}, seeded per proxy, connection, direction and toxic, so
 * a run can be replayed.
 *
 * <pre>{@code
 * public void onChunk(ToxicContext ctx, Chunk chunk) {
 *   ctx.schedule(Duration.ofMillis(100), () -> ctx.emit(chunk));
 * }
 * }</pre>
 */
public interface ToxicContext {

  /** Passes the chunk to the next toxic, or to the socket after the last one. */
  void emit(Chunk chunk);

  /** Drops the chunk and releases its buffer. The bytes are gone. */
  void drop(Chunk chunk);

  /** Passes the end of input (FIN) on. */
  void endOutput();

  /** Closes the whole connection cleanly (FIN to both sides), discarding data still in toxics. */
  void closeConnection();

  /**
   * Closes the whole connection once everything this stage already passed on has gone through
   * the rest of the chain and been written (limit_data: the prefix still arrives).
   */
  void closeConnectionAfterOutput();

  /** Aborts the whole connection: RST to both sides. */
  void resetConnection();

  /**
   * Whether this connection was already open when the toxic was added (it was not in the chain
   * when the connection started). Toxiproxy 2.12 treats the two differently for reset_peer.
   */
  default boolean addedToOpenConnection() {
    return false;
  }

  /** Runs {@code task} on this connection's event loop after {@code delay}; cancelled when the connection closes. */
  void schedule(Duration delay, Runnable task);

  /** Runs {@code task} at an absolute {@link System#nanoTime()} deadline (now if already past). */
  void scheduleAt(long deadlineNanos, Runnable task);

  /**
   * Like {@link #scheduleAt}, for a deadline whose lateness would show: the first chunk after an idle spell. The event
   * loop wakes half a millisecond early and waits out the rest on its own thread, so the run is not late by the
   * loop's wake-up from idle (0.2–0.6 ms on a VM). Costs at most that half millisecond of the loop's time per call.
   *
   * <pre>{@code
   * ctx.scheduleAtPrecisely(chunk.receivedNanos() + delay, () -> held.releaseOne(ctx));
   * }</pre>
   */
  default void scheduleAtPrecisely(long deadlineNanos, Runnable task) {
    scheduleAt(deadlineNanos, task);
  }

  /**
   * Runs {@code task} on this connection's event loop once the connection can take more output:
   * soon (never inside this call) if it can now, else when the destination has drained. A toxic
   * that makes many pieces of one chunk emits a batch and then waits here, so what it has not cut
   * yet stays one buffer instead of thousands of queued writes. Dropped if the connection closes.
   */
  void whenReady(Runnable task);

  /** Seeded randomness for this toxic on this connection and direction. */
  RandomGenerator random();

  /** {@link System#nanoTime()}. */
  long nanoTime();

  /** Counts bytes this toxic acted on, for the proxy's "touched" counters. */
  void touched(long bytes);
}
