package io.netharness.server;

/**
 * How a server connection ended, as the server saw it.
 *
 * <pre>{@code
 * assertThat(connection.closeReason()).isEqualTo(CloseReason.PEER_RESET);
 * }</pre>
 */
public enum CloseReason {
  /** Still connected. */
  OPEN,
  /** The client closed cleanly (FIN). */
  PEER_CLOSED,
  /** The client reset the connection (RST). */
  PEER_RESET,
  /** The server closed it (FIN). */
  CLOSED_BY_SERVER,
  /** The server aborted it (RST). */
  ABORTED_BY_SERVER,
  /** An error ended it; see the transcript. */
  FAILED
}
