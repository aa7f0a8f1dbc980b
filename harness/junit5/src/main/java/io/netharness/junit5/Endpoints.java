package io.netharness.junit5;

import io.netharness.client.TcpClient;
import io.netharness.server.Behavior;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Creates servers, clients and UDP peers that JUnit closes when the scope they were made in ends:
 * the test for a test or {@code @BeforeEach} parameter, the class for a {@code @BeforeAll} one.
 * Everything is started, on 127.0.0.1 and an ephemeral port. Things are closed in reverse order of
 * creation, so clients go before the servers they talk to. Get one as a parameter of a test in a
 * {@link NetHarnessTest} class.
 *
 * <pre>{@code
 * @Test
 * void chatRoomBroadcasts(Endpoints endpoints) {
 *   TcpServer room = endpoints.server(TcpServer.builder().behavior(Behaviors.chatRoom(UTF_8)).framing(Framing.lines()));
 *   TcpClient alice = endpoints.connect(room);
 *   TcpClient bob = endpoints.connect(room);
 *   UdpPeer probe = endpoints.udp();
 *   Thing mine = endpoints.manage(new Thing());   // any AutoCloseable
 * }
 * }</pre>
 */
public final class Endpoints {
  /** JUnit's switch for closing AutoCloseable store values; the extension needs it on (the default). */
  static final String AUTO_CLOSE_PARAMETER = "junit.jupiter.extensions.store.close.autocloseable.enabled";
  private static final Namespace NAMESPACE = Namespace.create(Endpoints.class);

  private final Store store;
  private final AtomicInteger created = new AtomicInteger();

  private Endpoints(Store store) {
    this.store = store;
  }

  /** The registry of this context (one per test, one per class); closed with the context. */
  static Endpoints of(ExtensionContext context) {
    if (!context.getConfigurationParameter(AUTO_CLOSE_PARAMETER, Boolean::parseBoolean).orElse(true)) {
      throw new ExtensionConfigurationException("NetHarness lets JUnit close servers, clients and peers, but "
          + AUTO_CLOSE_PARAMETER + " is false: remove that setting (junit-platform.properties or -D)");
    }
    Store store = context.getStore(NAMESPACE);
    // Keyed by the context's id: a plain class key would find the enclosing class's registry.
    return store.getOrComputeIfAbsent(context.getUniqueId(), id -> new Endpoints(store), Endpoints.class);
  }

  /** A started server that collects what arrives and replies nothing. */
  public TcpServer server() {
    return server(TcpServer.builder());
  }

  /** A started server with this behaviour. */
  public TcpServer server(Behavior behavior) {
    return server(TcpServer.builder().behavior(behavior));
  }

  /** A started server built from {@code builder}. */
  public TcpServer server(TcpServer.Builder builder) {
    return manage(builder.build()).start();
  }

  /** A client connected to {@code server}. */
  public TcpClient connect(TcpServer server) {
    return connect(server.address());
  }

  /** A client connected to {@code address}. */
  public TcpClient connect(InetSocketAddress address) {
    return manage(TcpClient.connect(address));
  }

  /** A client connected with these settings (framing, timeouts, name). */
  public TcpClient connect(TcpClient.Builder builder) {
    return manage(builder.connect());
  }

  /** A UDP peer bound to 127.0.0.1 on a free port. */
  public UdpPeer udp() {
    return manage(UdpPeer.bind());
  }

  /** Closes {@code closeable} when this scope ends, and returns it. */
  public <T extends AutoCloseable> T manage(T closeable) {
    store.put(new Slot(created.incrementAndGet()), closeable);
    return closeable;
  }

  /** Store key of the n-th thing this registry manages. */
  private record Slot(int index) {}
}
