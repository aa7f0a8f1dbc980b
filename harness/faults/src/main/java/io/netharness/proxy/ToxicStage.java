package io.netharness.proxy;

/**
 * What one toxic does to one direction of one connection. All calls come on that connection's
 * event loop, one at a time, so a stage needs no locks. A stage that holds chunks must release
 * them in {@link #onRemove} (deliver them, never drop them) and must deliver the end of input
 * after the chunks it holds.
 *
 * <pre>{@code
 * ToxicStage passThrough = (ctx, chunk) -> ctx.emit(chunk);
 * }</pre>
 */
@FunctionalInterface
public interface ToxicStage {

  /** The stage was added to a connection (at its start, or later on a live one). */
  default void onAttach(ToxicContext ctx) {}

  /** A chunk arrived; emit it (now or later), split it, or drop it. */
  void onChunk(ToxicContext ctx, Chunk chunk);

  /** The sending side finished (FIN). By default the end is passed on at once. */
  default void onInputEnd(ToxicContext ctx) {
    ctx.endOutput();
  }

  /** The toxic is being removed from a live connection: deliver whatever is held, now. */
  default void onRemove(ToxicContext ctx) {}

  /** The connection is closing: release (drop) whatever is held; nothing can be delivered now. */
  default void onClose(ToxicContext ctx) {}

  /**
   * The toxic's attributes changed on a live connection. Return true if this stage took the new
   * settings and keeps its state (as limit_data keeps its byte count); false to be replaced.
   */
  default boolean update(ToxicContext ctx, Toxic updated) {
    return false;
  }
}
