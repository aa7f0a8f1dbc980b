package io.netharness.impairment;

/**
 * Counters of one direction of a {@link UdpRelay}, taken at one instant. Every datagram received
 * is exactly one of forwarded, dropped or pending: {@code received == forwarded + dropped + pending}.
 * Copies made by duplication are counted in {@code duplicated}, not in {@code forwarded}, so the
 * datagrams sent on number {@code forwarded + duplicated}.
 *
 * @param direction which way these datagrams went
 * @param received datagrams that reached the relay
 * @param forwarded datagrams sent on (once each, however many copies)
 * @param dropped datagrams lost on purpose
 * @param duplicated extra copies sent
 * @param reordered datagrams held back so that later ones overtook them
 * @param corrupted datagrams sent with flipped bits
 * @param delayed datagrams sent later than they came (delay, jitter or rate)
 * @param pending datagrams held back or delayed, not sent yet
 */
public record UdpRelayStats(UdpDirection direction, long received, long forwarded, long dropped, long duplicated,
    long reordered, long corrupted, long delayed, long pending) {
}
