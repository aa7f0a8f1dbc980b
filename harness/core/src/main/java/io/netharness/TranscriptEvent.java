package io.netharness;

import java.time.Duration;

/**
 * One thing that happened on a connection or socket, stamped with the time since its transcript
 * began. Data events keep their bytes unless the transcript's byte budget was spent, in which case
 * {@link #bytes()} is empty and {@link #length()} still tells the size.
 *
 * <pre>{@code
 * for (TranscriptEvent e : client.transcript().events()) System.out.println(e.kind() + " " + e.length());
 * }</pre>
 *
 * @param at time since the transcript started (monotonic clock)
 * @param kind what happened
 * @param length number of bytes for data events, 0 otherwise
 * @param bytes the bytes of a data event, possibly empty when not retained
 * @param detail peer address, error message or other context; may be empty
 */
public record TranscriptEvent(Duration at, Kind kind, int length, byte[] bytes, String detail) {

  /** What happened. "Peer" events come from the other side, the rest from this side. */
  public enum Kind {
    /** The connection was established (or the UDP socket bound). */
    CONNECTED,
    /** Bytes arrived: one event per read from the socket (or per datagram). */
    RECEIVED,
    /** Bytes were written to the socket. */
    SENT,
    /** The peer closed its side cleanly: FIN, an empty read. */
    PEER_CLOSED,
    /** The peer reset the connection: RST. */
    PEER_RESET,
    /** This side shut down its output (half-close, sends FIN). */
    OUTPUT_SHUTDOWN,
    /** This side aborted the connection (SO_LINGER 0, sends RST). */
    ABORTED,
    /** The socket is closed. */
    CLOSED,
    /** Something failed; see detail. */
    ERROR
  }

  public TranscriptEvent {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** True when the event's bytes were kept in full. */
  public boolean retained() {
    return bytes.length == length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TranscriptEvent e
        && at.equals(e.at) && kind == e.kind && length == e.length
        && java.util.Arrays.equals(bytes, e.bytes) && detail.equals(e.detail);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(at, kind, length, detail) * 31 + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return String.format("%9.3f ms %-15s %s%s", at.toNanos() / 1e6, kind,
        length > 0 ? length + " bytes " : "", detail);
  }
}
