package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import io.netharness.proxy.Capability;
import io.netharness.proxy.FaultBackend;
import io.netharness.proxy.ProxyControl;
import java.net.InetSocketAddress;
import java.util.Set;
import org.testcontainers.DockerClientFactory;

/**
 * The {@code testcontainers} fault backend: a real Toxiproxy in a Docker container, started with
 * Testcontainers' {@code ToxiproxyContainer} (once per JVM and image). Proxies listen inside the
 * container on 0.0.0.0:8666–8697; {@link ProxyControl#address()} is the port Docker maps on the
 * host. Upstreams on this machine (loopback) are exposed to the container and reached there as
 * {@code host.testcontainers.internal}. {@link #close()} deletes this backend's proxies.
 *
 * <pre>{@code
 * try (TestcontainersBackend docker = TestcontainersBackend.start("ghcr.io/shopify/toxiproxy:2.12.0")) {
 *   ProxyControl db = docker.createProxy("db", server.address());
 *   TcpClient client = TcpClient.connect(db.address());
 * }
 * }</pre>
 */
public final class TestcontainersBackend implements FaultBackend {
  private final ToxiproxyBackend proxies;

  private TestcontainersBackend(ToxiproxyBackend proxies) {
    this.proxies = proxies;
  }

  /**
   * Starts (or reuses) a Toxiproxy container of {@code image}; a {@link HarnessException} that
   * says what to do when no Docker engine is reachable.
   */
  public static TestcontainersBackend start(String image) {
    if (!isDockerAvailable()) {
      throw new HarnessException("the testcontainers fault backend needs a Docker engine, and Testcontainers found"
          + " none (DOCKER_HOST, /var/run/docker.sock, ~/.testcontainers.properties). Start Docker, or run without"
          + " it: -Dnetharness.faults=embedded (in-process, the default; env NETHARNESS_FAULTS=embedded), or"
          + " -Dnetharness.faults=toxiproxy with a toxiproxy-server at -Dnetharness.toxiproxy.url");
    }
    SharedContainer container = SharedContainer.forImage(image);
    return new TestcontainersBackend(
        new ToxiproxyBackend("testcontainers", container.client(), container.describe(), container));
  }

  /** Whether Testcontainers can reach a Docker engine (answers in well under a second when not). */
  public static boolean isDockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public String name() {
    return "testcontainers";
  }

  @Override
  public Set<Capability> capabilities() {
    return proxies.capabilities();
  }

  @Override
  public ProxyControl createProxy(String name, InetSocketAddress upstream) {
    return proxies.createProxy(name, upstream);
  }

  /** Deletes this backend's proxies; the shared container stays up until the JVM ends. */
  @Override
  public void close() {
    proxies.close();
  }

  @Override
  public String toString() {
    return proxies.toString();
  }
}
