package io.netharness.proxy;

import java.net.InetSocketAddress;

/**
 * One proxy on some fault backend — the embedded {@link FaultProxy}, a Toxiproxy server, or a
 * Toxiproxy container — driven the same way, so scenarios do not change with the backend.
 *
 * <pre>{@code
 * ProxyControl db = backend.createProxy("db", server.address());
 * TcpClient client = TcpClient.connect(db.address());
 * try (ToxicHandle slow = db.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(200)))) { … }
 * }</pre>
 */
public interface ProxyControl extends io.netharness.Endpoint {

  String name();

  /** Where the application connects to go through the proxy. */
  InetSocketAddress address();

  /** Adds a toxic at the end of its direction's chain; open connections get it too. */
  ToxicHandle add(String toxicName, Direction direction, double toxicity, Toxic toxic);

  /** Changes a toxic's attributes and toxicity. */
  void update(String toxicName, Toxic toxic, double toxicity);

  /** Removes a toxic; what it held is delivered. */
  void remove(String toxicName);

  /** Removes every toxic. */
  void removeAll();

  /** Listens again. */
  void enable();

  /** Stops listening and closes open connections ("down"). */
  void disable();

  /** Bytes a toxic acted on, or -1 where the backend cannot tell (a real Toxiproxy). */
  default long touchedBytes(String toxicName) {
    return -1;
  }

  /** Deletes the proxy. Idempotent. */
  @Override
  void close();
}
