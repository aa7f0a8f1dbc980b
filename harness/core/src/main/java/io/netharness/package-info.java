/**
 * NetHarness core: shared types of every endpoint — errors, transcripts and framing.
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).build().start();
 *      TcpClient client = TcpClient.connect(server.address())) {
 *   client.send(Payload.text("hello", StandardCharsets.UTF_8));
 *   client.expectText("hello", StandardCharsets.UTF_8, Duration.ofSeconds(2));
 * }
 * }</pre>
 */
@NullMarked
package io.netharness;

import org.jspecify.annotations.NullMarked;
