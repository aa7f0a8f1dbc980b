package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import io.netharness.proxy.Capability;
import io.netharness.proxy.FaultBackend;
import io.netharness.proxy.ProxyControl;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code testcontainers} fault backend: a real Toxiproxy in a Docker container, started with
 * Testcontainers (once per JVM and image). On Linux with a local engine the container shares the
 * host's network ({@code netharness.testcontainers.network=host}, the default there): proxies
 * listen on 127.0.0.1 and reach upstreams directly, as a toxiproxy-server would. Elsewhere
 * ({@code bridge}) proxies listen inside the container on 0.0.0.0:8666–8697, the application
 * connects to the ports Docker publishes, and upstreams on this machine are reached through
 * Testcontainers' sshd tunnel as {@code host.testcontainers.internal}; Docker's port forwarder
 * then turns an RST into a FIN, accepts connects to a proxy that is down, and merges slices, so
 * scenarios that need those are skipped with the reason. {@link #close()} deletes this backend's
 * proxies.
 *
 * <pre>{@code
 * try (TestcontainersBackend docker = TestcontainersBackend.start("ghcr.io/shopify/toxiproxy:2.12.0")) {
 *   ProxyControl db = docker.createProxy("db", server.address());
 *   TcpClient client = TcpClient.connect(db.address());
 * }
 * }</pre>
 */
public final class TestcontainersBackend implements FaultBackend {
  /** {@code netharness.testcontainers.network} / {@code NETHARNESS_TESTCONTAINERS_NETWORK}: auto, host or bridge. */
  public static final String NETWORK_PROPERTY = "netharness.testcontainers.network";

  private final ToxiproxyBackend proxies;
  private final boolean hostNetwork;

  private TestcontainersBackend(ToxiproxyBackend proxies, boolean hostNetwork) {
    this.proxies = proxies;
    this.hostNetwork = hostNetwork;
  }

  /**
   * Starts (or reuses) a Toxiproxy container of {@code image}; a {@link HarnessException} that
   * says what is missing (engine, image) and what to do, within seconds, when it cannot.
   */
  public static TestcontainersBackend start(String image) {
    DockerEngine engine = DockerEngine.fromEnvironment();
    boolean host = useHostNetwork(engine);
    whyUnavailable(engine, image, host).ifPresent(reason -> {
      throw new HarnessException("the testcontainers fault backend cannot start: " + reason + ". Run without Docker:"
          + " -Dnetharness.faults=embedded (in-process, the default; env NETHARNESS_FAULTS=embedded), or"
          + " -Dnetharness.faults=toxiproxy with a toxiproxy-server at -Dnetharness.toxiproxy.url");
    });
    if (host) {
      HostNetworkContainer container = HostNetworkContainer.forImage(image);
      return new TestcontainersBackend(new ToxiproxyBackend("testcontainers", container.api(), container.describe(),
          new ToxiproxyBackend.ServerPlacement("127.0.0.1", "127.0.0.1"), ToxiproxyBackend.DIRECT), true);
    }
    SharedContainer container = SharedContainer.forImage(image, engine.isUnixSocket());
    return new TestcontainersBackend(new ToxiproxyBackend("testcontainers", container.api(), container.describe(),
        container, EnumSet.noneOf(Capability.class)), false);
  }

  /** Whether a Docker engine answers within a few seconds (Testcontainers is not asked). */
  public static boolean isDockerAvailable() {
    return DockerEngine.fromEnvironment().whyUnreachable().isEmpty();
  }

  /**
   * Why {@link #start(String)} would fail at once, or empty when it can go ahead: no engine
   * answers, or an image it needs is neither on the engine nor pullable. Takes seconds, not minutes.
   */
  public static Optional<String> whyUnavailable(String image) {
    DockerEngine engine = DockerEngine.fromEnvironment();
    return whyUnavailable(engine, image, useHostNetwork(engine));
  }

  private static Optional<String> whyUnavailable(DockerEngine engine, String image, boolean hostNetwork) {
    Optional<String> unreachable = engine.whyUnreachable();
    if (unreachable.isPresent()) {
      return unreachable;
    }
    List<String> missing = new ArrayList<>();
    engine.whyImageMissing(image).ifPresent(missing::add);
    if (DockerEngine.ryukEnabled()) {
      engine.whyImageMissing(DockerEngine.RYUK_IMAGE).ifPresent(why -> missing.add(why
          + "; Testcontainers starts Ryuk to remove containers: make the image available, or set"
          + " TESTCONTAINERS_RYUK_DISABLED=true"));
    }
    boolean gateway = engine.looksForGatewayWithTinyImage();
    if (DockerEngine.checksEnabled() || gateway) {
      String why = gateway
          ? "this JVM runs in a container (/.dockerenv) and the bridge network names no gateway, so Testcontainers"
              + " runs it to find the Docker host (set TESTCONTAINERS_HOST_OVERRIDE=localhost for a local engine)"
          : "Testcontainers' start-up checks run it (set TESTCONTAINERS_CHECKS_DISABLE=true to skip them)";
      engine.whyImageMissing(DockerEngine.TINY_IMAGE).ifPresent(missingTiny -> missing.add(missingTiny + "; " + why
          + "; without the image it retries the pull for two minutes"));
    }
    if (!hostNetwork) {
      engine.whyImageMissing(DockerEngine.SSHD_IMAGE).ifPresent(why -> missing.add(why
          + "; on the bridge network Testcontainers reaches upstreams on this machine through it: make the image"
          + " available, or use " + NETWORK_PROPERTY + "=host (Linux, local engine)"));
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
  }

  private static boolean useHostNetwork(DockerEngine engine) {
    String setting = System.getProperty(NETWORK_PROPERTY);
    if (setting == null || setting.isBlank()) {
      setting = System.getenv("NETHARNESS_TESTCONTAINERS_NETWORK");
    }
    String network = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
    return switch (network) {
      case "host" -> true;
      case "bridge" -> false;
      case "auto" -> engine.isUnixSocket() && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
      default -> throw new HarnessException(NETWORK_PROPERTY + " must be auto, host or bridge, not \"" + setting + "\"");
    };
  }

  @Override
  public String name() {
    return "testcontainers";
  }

  /** On the host network what a toxiproxy-server gives; across Docker's port forwarder, less. */
  @Override
  public Set<Capability> capabilities() {
    return proxies.capabilities();
  }

  @Override
  public String whyNot(Capability capability) {
    if (hostNetwork) {
      return proxies.whyNot(capability);
    }
    String across = "the container is on Docker's bridge network (" + NETWORK_PROPERTY + "=host avoids it on Linux)";
    return switch (capability) {
      case RESETS -> "Docker's port forwarder ends the client's connection with a FIN when Toxiproxy resets its side, so"
          + " no RST crosses a published port; " + across;
      case REFUSAL -> "Docker's port forwarder accepts a connect to a published port and then closes it when the proxy"
          + " behind it is down, so the client sees no refusal; " + across;
      case SLICE_BOUNDARIES -> "Docker's port forwarder and Testcontainers' sshd tunnel to the upstream merge the"
          + " slicer's pieces into larger reads; " + across;
      default -> proxies.whyNot(capability);
    };
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
