package io.netharness.server;

import io.netharness.Framing;
import io.netharness.HarnessException;
import io.netharness.Inbound;
import io.netharness.Transcript;
import io.netharness.internal.InboundBuffer;
import io.netty.buffer.ByteBuf;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The consuming view of what a server connection received, created on first use from the
 * connection's record and fed by every later read. It never pauses reading: a server keeps
 * reading whether or not a test consumes, and keeps at most {@link ServerConnection#RECORD_LIMIT}
 * unconsumed bytes. Called on the connection's event loop, so no read is missed or counted twice.
 */
final class ServerInbound {
  private @Nullable InboundBuffer buffer;
  private volatile @Nullable Inbound inbound;

  @Nullable Inbound existing() {
    return inbound;
  }

  /**
   * @param ended why the stream already ended, or null while the client may still send
   */
  synchronized void start(ReceivedRecord record, Transcript transcript, @Nullable String ended, Supplier<String> owner) {
    if (inbound != null) {
      return;
    }
    if (!record.keptAll()) {
      throw new HarnessException(owner.get() + ": " + record.bytesReceived() + " bytes arrived before the first receive"
          + " check and only the first " + (ServerConnection.RECORD_LIMIT >> 20) + " MiB were kept; check earlier, or"
          + " use the awaitReceived… and byte-count checks");
    }
    InboundBuffer fresh = InboundBuffer.withoutFlowControl(ServerConnection.RECORD_LIMIT);
    fresh.append(record.bytes());
    if (ended != null) {
      fresh.end(ended);
    }
    buffer = fresh;
    inbound = new Inbound(fresh, transcript, Framing.raw(), owner, io.netharness.ReceiveDefaults.STANDARD);
  }

  void append(ByteBuf buf) {
    if (inbound == null) {
      return; // nobody asked: no copy, no lock on the read path
    }
    synchronized (this) {
      byte[] chunk = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), chunk);
      java.util.Objects.requireNonNull(buffer).append(chunk);
    }
  }

  synchronized void end(String reason) {
    if (buffer != null) {
      buffer.end(reason);
    }
  }
}
