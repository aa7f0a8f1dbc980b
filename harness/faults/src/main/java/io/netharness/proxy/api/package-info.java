/**
 * A Toxiproxy-compatible HTTP admin API (Toxiproxy 2.12.0's endpoints, status codes and JSON) in
 * front of embedded {@link io.netharness.proxy.FaultProxy} instances, so toxiproxy-java, the Go
 * and Node clients and Testcontainers' {@code ToxiproxyContainer} tooling can drive NetHarness.
 *
 * <pre>{@code
 * try (AdminServer admin = AdminServer.builder().port(0).build().start()) {
 *   ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", admin.getPort());
 *   Proxy db = client.createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");
 *   db.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 200);
 *   FaultProxy same = admin.registry().get("db").orElseThrow();   // the embedded proxy itself
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.proxy.api;

import org.jspecify.annotations.NullMarked;
