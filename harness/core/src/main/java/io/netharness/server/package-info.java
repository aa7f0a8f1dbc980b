/**
 * TCP servers with scripted behaviours, and the connections they record.
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start()) {
 *   ServerConnection first = server.takeConnection(Duration.ofSeconds(2));
 *   first.awaitReceivedText("hello", UTF_8, Duration.ofSeconds(2));
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.server;

import org.jspecify.annotations.NullMarked;
