package io.netharness;

import java.time.Duration;

/**
 * The kernel's own view of one TCP connection at one moment ({@code getsockopt(TCP_INFO)}, Linux): its state,
 * its round-trip time estimate, its congestion window and what it had to send again. A snapshot: read it again
 * for newer numbers. Only the native epoll transport can read it; on NIO (another OS, or
 * {@code -Dnetharness.transport=nio}) {@code tcpInfo()} is empty.
 *
 * <pre>{@code
 * client.tcpInfo().ifPresent(info ->
 *     System.out.println(info.totalRetransmits() + " segments sent again, rtt " + info.rtt()));
 * }</pre>
 *
 * @param state the TCP state, e.g. {@code ESTABLISHED}, {@code CLOSE_WAIT}
 * @param rtt the smoothed round-trip time (tcpi_rtt)
 * @param rttVariance its mean deviation (tcpi_rttvar)
 * @param retransmissionTimeout how long the kernel waits for an acknowledgement before sending again (tcpi_rto)
 * @param congestionWindowSegments the send congestion window, in segments (tcpi_snd_cwnd)
 * @param slowStartThresholdSegments the slow-start threshold, in segments (tcpi_snd_ssthresh; huge until a loss)
 * @param sendMssBytes the largest segment payload it sends (tcpi_snd_mss)
 * @param pathMtuBytes the path MTU it uses (tcpi_pmtu)
 * @param unackedSegments segments sent and not acknowledged yet (tcpi_unacked)
 * @param lostSegments segments it currently believes lost (tcpi_lost)
 * @param retransmits retransmission timeouts in a row for the current segment (tcpi_retransmits)
 * @param totalRetransmits segments sent again over the connection's life (tcpi_total_retrans)
 */
public record TcpInfo(String state, Duration rtt, Duration rttVariance, Duration retransmissionTimeout,
    long congestionWindowSegments, long slowStartThresholdSegments, long sendMssBytes, long pathMtuBytes,
    long unackedSegments, long lostSegments, int retransmits, long totalRetransmits) {
  private static final String[] STATES = {"UNKNOWN", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1",
      "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};

  /** The name of a Linux TCP state number ({@code tcpi_state}): 1 is {@code ESTABLISHED}. */
  public static String stateName(int state) {
    return state > 0 && state < STATES.length ? STATES[state] : "UNKNOWN(" + state + ")";
  }

  @Override
  public String toString() {
    return state + ", rtt " + millis(rtt) + " +/- " + millis(rttVariance) + ", rto " + millis(retransmissionTimeout)
        + ", cwnd " + congestionWindowSegments + " segments, mss " + sendMssBytes + ", " + unackedSegments
        + " unacked, " + lostSegments + " lost, " + totalRetransmits + " retransmitted in all";
  }

  private static String millis(Duration d) {
    return d.toNanos() / 1000 / 1000.0 + " ms";
  }
}
