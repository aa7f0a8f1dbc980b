package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import io.netharness.HostPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.Testcontainers;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/**
 * One Toxiproxy container per image for the whole JVM (Testcontainers' Ryuk removes it when the
 * JVM ends), shared by every {@link TestcontainersBackend}: starting a container per scenario would
 * cost seconds each. Hands out its 32 proxy ports, 8666–8697.
 */
final class SharedContainer implements Placement {
  static final int FIRST_PORT = 8666;
  static final int LAST_PORT = 8697;
  static final String HOST_ALIAS = "host.testcontainers.internal";
  private static final Map<String, SharedContainer> BY_IMAGE = new HashMap<>();

  private final String image;
  private final ToxiproxyContainer container;
  private final BitSet used = new BitSet();

  private final boolean localEngine;

  private SharedContainer(String image, ToxiproxyContainer container, boolean localEngine) {
    this.image = image;
    this.container = container;
    this.localEngine = localEngine;
  }

  static synchronized SharedContainer forImage(String image, boolean localEngine) {
    SharedContainer shared = BY_IMAGE.get(image);
    if (shared == null || !shared.container.isRunning()) {
      shared = new SharedContainer(image, startContainer(image), localEngine);
      BY_IMAGE.put(image, shared);
    }
    return shared;
  }

  @SuppressWarnings("resource") // stopped by Testcontainers when the JVM ends; shared across backends
  private static ToxiproxyContainer startContainer(String image) {
    ToxiproxyContainer container;
    try {
      // access to the host: upstreams on this machine are reached as host.testcontainers.internal
      container = new ToxiproxyContainer(image).withAccessToHost(true);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new HarnessException("netharness.toxiproxy.image \"" + image + "\" cannot be used: " + e.getMessage()
          + "; use a ghcr.io/shopify/toxiproxy image such as ghcr.io/shopify/toxiproxy:2.12.0", e);
    }
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new HarnessException("could not start the Toxiproxy container " + image + " (netharness.toxiproxy.image):"
          + " " + e.getMessage() + ". Check that Docker can pull the image, or run without Docker:"
          + " -Dnetharness.faults=embedded", e);
    }
    return container;
  }

  ToxiproxyApi api() {
    return ToxiproxyApi.at("http://" + host() + ":" + container.getControlPort());
  }

  String describe() {
    return "Toxiproxy container " + image + " on Docker's bridge network (API at http://" + host() + ":"
        + container.getControlPort() + ")";
  }

  @Override
  public synchronized String listen(String proxyName) {
    int free = used.nextClearBit(FIRST_PORT);
    if (free > LAST_PORT) {
      throw new HarnessException("cannot create proxy \"" + proxyName + "\": all " + (LAST_PORT - FIRST_PORT + 1)
          + " proxy ports of the Toxiproxy container (" + FIRST_PORT + "–" + LAST_PORT
          + ") are in use; close proxies (or backends) you no longer need");
    }
    used.set(free);
    return "0.0.0.0:" + free;
  }

  @Override
  public InetSocketAddress applicationAddress(String reportedListen) {
    int inside = HostPort.parse(reportedListen).getPort();
    return new InetSocketAddress(host(), container.getMappedPort(inside));
  }

  /**
   * Where this JVM reaches the mapped ports: 127.0.0.1 for an engine on this machine's socket
   * (Docker publishes on every interface), else Testcontainers' host. Inside a container
   * (/.dockerenv) Testcontainers would answer with the bridge gateway instead.
   */
  private String host() {
    return localEngine ? "127.0.0.1" : container.getHost();
  }

  @Override
  public String upstream(InetSocketAddress upstream) {
    InetAddress address = upstream.getAddress();
    boolean onThisMachine = address != null
        ? address.isLoopbackAddress() || address.isAnyLocalAddress()
        : upstream.getHostString().equalsIgnoreCase("localhost");
    if (!onThisMachine) {
      return HostPort.format(upstream);
    }
    Testcontainers.exposeHostPorts(upstream.getPort());
    return HOST_ALIAS + ":" + upstream.getPort();
  }

  @Override
  public synchronized void released(String listen) {
    int port = HostPort.parse(listen).getPort();
    if (port >= FIRST_PORT && port <= LAST_PORT) {
      used.clear(port);
    }
  }
}
