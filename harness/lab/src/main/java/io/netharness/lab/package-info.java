/**
 * The packet lab (Linux): two hosts as network namespaces joined by a wire in the JVM that drops, duplicates,
 * reorders, delays and corrupts real IP packets, with every packet in a pcap and the kernel's counters.
 *
 * <pre>{@code
 * try (Lab lab = Lab.builder().seed(1).impair(Direction.A_TO_B, Impairment.none().withLoss(0.2)).start()) {
 *   UdpPeer receiver = lab.b().call(() -> UdpPeer.bind("rx", lab.b().address(), 9000));
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.lab;

import org.jspecify.annotations.NullMarked;
