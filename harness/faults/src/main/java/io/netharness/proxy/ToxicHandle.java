package io.netharness.proxy;

/**
 * A toxic attached to a proxy; closing the handle removes the toxic (delivering what it held).
 *
 * <pre>{@code
 * try (ToxicHandle slow = proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofSeconds(1)))) {
 *   client.call();
 * }   // latency removed here
 * }</pre>
 */
public final class ToxicHandle implements AutoCloseable {
  private final ProxyControl proxy;
  private final String name;
  private boolean closed;

  /** For backends: a handle that removes {@code name} from {@code proxy} when closed. */
  public ToxicHandle(ProxyControl proxy, String name) {
    this.proxy = proxy;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Bytes this toxic has acted on so far: proof that the fault really touched traffic. */
  public long touchedBytes() {
    return proxy.touchedBytes(name);
  }

  /** Removes the toxic. Idempotent; does nothing if it was already removed another way. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        proxy.remove(name);
      } catch (RuntimeException alreadyGone) {
        // removed another way (reset, or by name): closing the handle is then a no-op
      }
    }
  }
}
