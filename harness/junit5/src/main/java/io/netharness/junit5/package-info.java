/**
 * JUnit 5 support: started endpoints injected as parameters, {@link io.netharness.junit5.Managed}
 * fields, and everything closed by JUnit when the test (or class) ends.
 *
 * <pre>{@code
 * @NetHarnessTest
 * class GatewayTest {
 *   @Test
 *   void gatewayForwardsToTheServer(TcpServer server, Endpoints endpoints) {
 *     TcpClient client = endpoints.connect(server);
 *     client.sendText("hello", UTF_8);
 *     server.takeConnection(Duration.ofSeconds(2)).awaitReceivedText("hello", UTF_8, Duration.ofSeconds(2));
 *   }
 * }
 * }</pre>
 */
@NullMarked
package io.netharness.junit5;

import org.jspecify.annotations.NullMarked;
