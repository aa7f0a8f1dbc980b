/**
 * UDP peers: bind, send datagrams, receive them with their boundaries intact.
 *
 * <pre>{@code
 * try (UdpPeer a = UdpPeer.bind(); UdpPeer b = UdpPeer.bind()) {
 *   a.sendTo(b.address(), Payload.utf8("hi"));
 *   RecordedDatagram d = b.receive(Duration.ofSeconds(1));
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.udp;

import org.jspecify.annotations.NullMarked;
