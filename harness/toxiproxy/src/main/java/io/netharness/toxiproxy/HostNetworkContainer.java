package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A Toxiproxy container on the host's network (Linux, a local engine): its API and proxies listen
 * on 127.0.0.1 of this machine and dial upstreams there directly, with no port forwarder and no
 * sshd tunnel in between, so RSTs, refusals and slice boundaries reach the client as from a
 * toxiproxy-server. One per image for the whole JVM, like {@link SharedContainer}.
 */
final class HostNetworkContainer {
  static final Duration API_TIMEOUT = Duration.ofSeconds(15);
  private static final Map<String, HostNetworkContainer> BY_IMAGE = new HashMap<>();

  private final GenericContainer<?> container;
  private final ToxiproxyServer api;
  private final String image;

  private HostNetworkContainer(String image, GenericContainer<?> container, ToxiproxyServer api) {
    this.image = image;
    this.container = container;
    this.api = api;
  }

  static synchronized HostNetworkContainer forImage(String image) {
    HostNetworkContainer shared = BY_IMAGE.get(image);
    if (shared == null || !shared.container.isRunning()) {
      shared = start(image);
      BY_IMAGE.put(image, shared);
    }
    return shared;
  }

  @SuppressWarnings("resource") // stopped by Testcontainers when the JVM ends; shared across backends
  private static HostNetworkContainer start(String image) {
    int port = freeLoopbackPort();
    GenericContainer<?> container = new GenericContainer<>(image)
        .withNetworkMode("host")
        .withCommand("-host=127.0.0.1", "-port=" + port)
        .waitingFor(Wait.forLogMessage("(?s).*Starting Toxiproxy HTTP server.*", 1)
            .withStartupTimeout(API_TIMEOUT));
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new HarnessException("could not start the Toxiproxy container " + image + " on the host network"
          + " (netharness.toxiproxy.image, netharness.testcontainers.network=host): " + e.getMessage()
          + ". Try netharness.testcontainers.network=bridge, or run without Docker: -Dnetharness.faults=embedded", e);
    }
    ToxiproxyServer api = ToxiproxyServer.at("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + API_TIMEOUT.toNanos();
    while (true) {
      try {
        api.requireVersion();
        return new HostNetworkContainer(image, container, api);
      } catch (HarnessException e) {
        if (System.nanoTime() > deadline) {
          container.stop();
          throw new HarnessException("the Toxiproxy container " + image + " runs on the host network, but its API does"
              + " not answer at " + api.url() + " from this JVM: the engine's host network is not this machine's"
              + " (rootless Docker, Docker Desktop). Use -Dnetharness.testcontainers.network=bridge", e);
        }
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // the log line comes just before the listen
      }
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new HarnessException("could not find a free port on 127.0.0.1 for the Toxiproxy API: " + e.getMessage(), e);
    }
  }

  ToxiproxyApi api() {
    return api.api();
  }

  String describe() {
    return "Toxiproxy container " + image + " on the host network (API at " + api.url() + ")";
  }
}
