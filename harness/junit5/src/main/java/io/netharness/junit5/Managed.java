package io.netharness.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an {@link AutoCloseable} field that the extension starts (a {@code TcpServer} gets
 * {@code start()}) and closes. A static field lives for the whole class; an instance field lives
 * for one test (for the whole class under {@code @TestInstance(PER_CLASS)}). The annotation
 * registers {@link NetHarnessExtension} by itself, so {@link NetHarnessTest} is optional.
 *
 * <pre>{@code
 * class ChatRoomTest {
 *   @Managed
 *   static final TcpServer room =
 *       TcpServer.builder().behavior(Behaviors.chatRoom(UTF_8)).framing(Framing.lines()).build();
 *
 *   @Managed
 *   final UdpPeer peer = UdpPeer.bind();
 *
 *   @Test
 *   void roomIsOpen() {
 *     assertThat(room.isRunning()).isTrue();
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(NetHarnessExtension.class)
public @interface Managed {}
