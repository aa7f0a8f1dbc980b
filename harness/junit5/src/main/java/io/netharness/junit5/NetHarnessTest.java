package io.netharness.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns on {@link NetHarnessExtension} for a test class: {@code TcpServer}, {@code UdpPeer} and
 * {@link Endpoints} parameters are injected, {@link Managed} fields are started, and all of them
 * are closed when the test (or, for static fields and {@code @BeforeAll} parameters, the class)
 * ends.
 *
 * <pre>{@code
 * @NetHarnessTest
 * class EchoTest {
 *   @Test
 *   void echoSendsBackWhatArrives(Endpoints endpoints) {
 *     TcpServer server = endpoints.server(Behaviors.echo());
 *     TcpClient client = endpoints.connect(server);
 *     client.sendText("ping", UTF_8).expectText("ping", UTF_8, Duration.ofSeconds(2));
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NetHarnessExtension.class)
public @interface NetHarnessTest {}
