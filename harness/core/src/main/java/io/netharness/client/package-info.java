/**
 * The TCP client: connect to any host:port, send payloads, and receive with expectations.
 *
 * <pre>{@code
 * try (TcpClient client = TcpClient.connect(new InetSocketAddress("127.0.0.1", 7000))) {
 *   client.send(Payload.text("哈哈呵呵呵", Encodings.charset("GBK")));
 *   String reply = client.receiveLine(UTF_8, Duration.ofSeconds(2));
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.client;

import org.jspecify.annotations.NullMarked;
