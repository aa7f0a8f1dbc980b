package io.netharness.impairment;

import io.netty.buffer.ByteBuf;

/** Where a lane sends a datagram it lets through: one per client and direction. */
@FunctionalInterface
interface Output {
  /** Takes ownership of {@code content}; {@code flush} false leaves flushing to the end of the read batch. */
  void send(ByteBuf content, boolean flush);
}
