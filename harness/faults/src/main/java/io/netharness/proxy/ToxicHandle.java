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
  private final FaultProxy proxy;
  private final String name;
  private boolean closed;

  ToxicHandle(FaultProxy proxy, String name) {
    this.proxy = proxy;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Bytes this toxic has acted on so far: proof that the fault really touched traffic. */
  public long touchedBytes() {
    return proxy.toxic(name).map(ToxicAttachment::touchedBytes).orElse(0L);
  }

  /** Removes the toxic. Idempotent; does nothing if it was already removed another way. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      if (proxy.toxic(name).isPresent()) {
        proxy.remove(name);
      }
    }
  }
}
