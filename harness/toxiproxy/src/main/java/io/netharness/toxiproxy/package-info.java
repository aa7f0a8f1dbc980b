/**
 * Fault backends for a real Toxiproxy: {@link io.netharness.toxiproxy.ToxiproxyBackend} drives a
 * server at a URL, {@link io.netharness.toxiproxy.TestcontainersBackend} starts the Toxiproxy image
 * with Testcontainers. Both are found by name ({@code toxiproxy}, {@code testcontainers}) through
 * {@link io.netharness.proxy.FaultBackends}, so scenarios never change with the backend.
 *
 * <pre>{@code
 * // mvn verify -Dnetharness.faults=toxiproxy -Dnetharness.toxiproxy.url=http://127.0.0.1:8474
 * try (FaultBackend backend = FaultBackends.fromConfiguration()) {
 *   ProxyControl db = backend.createProxy("db", server.address());
 *   try (ToxicHandle slow = db.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(200)))) {
 *     TcpClient client = TcpClient.connect(db.address());
 *   }
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.toxiproxy;

import org.jspecify.annotations.NullMarked;
