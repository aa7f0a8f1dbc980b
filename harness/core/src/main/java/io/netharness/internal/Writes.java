package io.netharness.internal;

import io.netharness.HarnessException;
import io.netty.channel.ChannelFuture;
import java.time.Duration;

/** Waiting for a socket write (or shutdown) to complete, with a message that says why it did not. */
public final class Writes {
  private Writes() {}

  /**
   * Returns when {@code future} succeeded; throws naming {@code owner} and {@code what} if it failed or took longer
   * than {@code timeout} (the peer is not reading, so TCP flow control holds the data).
   */
  public static void await(ChannelFuture future, String owner, String what, Duration timeout) {
    // A loopback write completes within microseconds: spinning briefly avoids a park/unpark.
    if (!Await.spinUntil(future::isDone, timeout) && !future.awaitUninterruptibly(timeout.toMillis())) {
      throw new HarnessException(owner + ": " + what + " did not complete within "
          + Await.human(timeout) + ": the peer is not reading (TCP flow control is holding the data)");
    }
    if (!future.isSuccess()) {
      Throwable cause = future.cause();
      String reason = cause != null && WireRecorder.isReset(cause) ? "the peer reset the connection (RST)"
          : String.valueOf(cause == null ? "cancelled" : cause.getMessage());
      throw new HarnessException(owner + ": " + what + " failed: " + reason, cause);
    }
  }
}
