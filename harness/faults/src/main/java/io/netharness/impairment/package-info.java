/**
 * The UDP impairment relay: a UDP socket between clients and a target that loses, duplicates,
 * reorders, delays, corrupts or rate-limits datagrams, per direction, from a seed. The fate of
 * datagram {@code n} of a direction depends only on the seed, the direction, {@code n} and the
 * impairment's position, never on timing, so a lossy run can be replayed exactly.
 *
 * <pre>{@code
 * try (UdpPeer server = UdpPeer.bind();
 *      UdpRelay relay = UdpRelay.builder()
 *          .target(server.address())
 *          .seed(42)
 *          .upstream(Impairments.loss(0.2), Impairments.duplicate(0.05))
 *          .downstream(Impairments.delay(Duration.ofMillis(20), Duration.ofMillis(5)))
 *          .start();
 *      UdpPeer client = UdpPeer.bind()) {
 *   client.sendTo(relay.address(), Payload.utf8("ping"));
 *   relay.awaitSettled(Duration.ofSeconds(1));
 *   System.out.println(relay.stats(UdpDirection.UPSTREAM) + " lost " + relay.droppedIndices(UdpDirection.UPSTREAM));
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.impairment;

import org.jspecify.annotations.NullMarked;
