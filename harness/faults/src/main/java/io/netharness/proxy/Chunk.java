package io.netharness.proxy;

import io.netty.buffer.ByteBuf;

/**
 * Bytes read from one side of a proxied connection, on their way to the other side, with the
 * time the proxy received them. Whoever holds a chunk owns its buffer: a toxic either passes it
 * on with {@link ToxicContext#emit} or drops it with {@link ToxicContext#drop}.
 *
 * <pre>{@code
 * public void onChunk(ToxicContext ctx, Chunk chunk) { ctx.emit(chunk); }   // a no-op toxic
 * }</pre>
 *
 * @param data the bytes; readable bytes only
 * @param receivedNanos {@link System#nanoTime()} when the proxy read them
 */
public record Chunk(ByteBuf data, long receivedNanos) {
  public int length() {
    return data.readableBytes();
  }

  /** The first {@code bytes} of this chunk as a new chunk (sharing the buffer, retained). */
  public Chunk head(int bytes) {
    return new Chunk(data.readRetainedSlice(bytes), receivedNanos);
  }
}
