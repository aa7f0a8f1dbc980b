package io.netharness.server;

/**
 * How one server connection ended, or is ending: the client's FIN or RST, the server's close, half-close or RST,
 * a failure; and from that, whether the server can still send and why not, in words.
 */
final class ConnectionEnd {
  private enum ClosedBy { NOBODY, CLOSE, SHUTDOWN_OUTPUT }

  private volatile CloseReason reason = CloseReason.OPEN;
  private volatile boolean peerClosed;
  private volatile ClosedBy closedByUs = ClosedBy.NOBODY;

  CloseReason reason() {
    return reason;
  }

  boolean peerClosed() {
    return peerClosed;
  }

  boolean canSend(boolean channelActive) {
    return channelActive && closedByUs == ClosedBy.NOBODY && reason != CloseReason.PEER_RESET && reason != CloseReason.FAILED;
  }

  /** The client sent FIN. */
  void peerClosedItsSide() {
    peerClosed = true;
    if (reason == CloseReason.OPEN) {
      reason = CloseReason.PEER_CLOSED;
    }
  }

  /** The socket ended; an RST after the client's FIN still counts as a reset. */
  void ended(CloseReason why) {
    if (reason == CloseReason.OPEN || (why == CloseReason.PEER_RESET && reason == CloseReason.PEER_CLOSED)) {
      reason = why;
    }
  }

  /** The server closed the connection ({@code reset}: with RST). */
  void closedByServer(boolean reset) {
    closedByUs = ClosedBy.CLOSE;
    if (reason == CloseReason.OPEN || reason == CloseReason.PEER_CLOSED) {
      reason = reset ? CloseReason.ABORTED_BY_SERVER : peerClosed ? CloseReason.PEER_CLOSED : CloseReason.CLOSED_BY_SERVER;
    }
  }

  /** The server sent FIN and keeps reading. */
  void outputShutDownByServer() {
    if (closedByUs == ClosedBy.NOBODY) {
      closedByUs = ClosedBy.SHUTDOWN_OUTPUT;
    }
  }

  /** Why the connection can or cannot send: "open", "the client reset the connection (RST)", ... */
  String describe(boolean channelActive, boolean closesOnPeerClose) {
    if (reason == CloseReason.PEER_RESET) {
      return "the client reset the connection (RST)";
    }
    if (reason == CloseReason.ABORTED_BY_SERVER) {
      return "the server reset the connection (RST)";
    }
    if (reason == CloseReason.FAILED) {
      return "the connection failed (see its transcript)";
    }
    if (closedByUs != ClosedBy.NOBODY || !channelActive) {
      if (peerClosed) {
        return closedByUs == ClosedBy.CLOSE
            ? closesOnPeerClose
                ? "the client closed its side (FIN) and the server closed the connection in answer (servers close on a"
                    + " client's FIN unless told to keep the connection open)"
                : "the client closed its side (FIN) and the server then closed the connection"
            : closedByUs == ClosedBy.SHUTDOWN_OUTPUT ? "the client closed its side (FIN) and the server shut down its output"
            : "the client closed the connection (FIN)";
      }
      return closedByUs == ClosedBy.CLOSE ? "the server closed the connection"
          : closedByUs == ClosedBy.SHUTDOWN_OUTPUT ? "the server shut down its output (FIN sent)"
          : "the connection is closed";
    }
    return peerClosed ? "open; the client closed its side (FIN)" : "open";
  }
}
