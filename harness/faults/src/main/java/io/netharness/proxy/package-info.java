/**
 * The embedded fault proxy: a TCP proxy between any client and any upstream, with Toxiproxy's
 * toxics applied per direction.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.builder().upstream(server.address()).build().start();
 *      ToxicHandle slow = proxy.add(Direction.DOWNSTREAM, Latency.of(Duration.ofMillis(200)))) {
 *   TcpClient client = TcpClient.connect(proxy.address());
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.proxy;

import org.jspecify.annotations.NullMarked;
