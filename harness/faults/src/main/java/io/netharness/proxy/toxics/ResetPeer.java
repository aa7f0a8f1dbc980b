package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.time.Duration;
import java.util.Map;

/**
 * "reset_peer": on the first chunk in its direction, waits {@code timeout}, then aborts the
 * connection with RST to both sides; data arriving meanwhile is held and discarded with the
 * connection. Removing the toxic before it fires cancels the reset and delivers what it held, so
 * the stream has no hole. An idle connection is never reset. Unlike Toxiproxy 2.12, connections
 * that were open before the toxic was added get the RST too: Toxiproxy sets SO_LINGER 0 only when
 * a connection starts, so it closes those with a FIN. {@link #withFinOnOpenConnections()} does what
 * Toxiproxy does, for testing against it.
 *
 * <pre>{@code
 * proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ZERO));
 * proxy.add(Direction.UPSTREAM, Toxics.resetPeer(Duration.ZERO).withFinOnOpenConnections()); // as Toxiproxy 2.12
 * }</pre>
 *
 * @param timeout wait after the first chunk ({@code timeout} attribute, ms)
 * @param finOnOpenConnections close connections that were open before the toxic was added with a
 *     FIN instead of an RST, as Toxiproxy 2.12 does (not an attribute on the wire)
 */
public record ResetPeer(Duration timeout, boolean finOnOpenConnections) implements Toxic {

  /** The wire name {@code "reset_peer"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("reset_peer", true,
      a -> new ResetPeer(a.millis("timeout")));

  public ResetPeer {
    Toxics.requireMillis("timeout", timeout);
  }

  /** Resets every connection, whenever it was opened. */
  public ResetPeer(Duration timeout) {
    this(timeout, false);
  }

  /** As Toxiproxy 2.12: a connection that was open before the toxic was added ends with a FIN. */
  public ResetPeer withFinOnOpenConnections() {
    return new ResetPeer(timeout, true);
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("timeout", timeout.toMillis());
  }

  @Override
  public ToxicStage newStage() {
    return new Stage(timeout, finOnOpenConnections);
  }

  /**
   * Holds what arrives while the reset is pending: when it fires the held bytes are discarded with the
   * connection; when the toxic is removed first, the reset is cancelled and the held bytes are delivered,
   * so the stream never has a hole.
   */
  private static final class Stage extends HoldingStage {
    private final Duration timeout;
    private final boolean finOnOpenConnections;
    private boolean triggered;
    private boolean cancelled;

    Stage(Duration timeout, boolean finOnOpenConnections) {
      this.timeout = timeout;
      this.finOnOpenConnections = finOnOpenConnections;
    }

    @Override
    public void onChunk(ToxicContext ctx, Chunk chunk) {
      ctx.touched(chunk.length());
      held.add(chunk);
      if (!triggered) {
        triggered = true;
        boolean fin = finOnOpenConnections && ctx.addedToOpenConnection();
        ctx.schedule(timeout, () -> {
          if (!cancelled) {
            held.dropAll(ctx);
            if (fin) {
              ctx.closeConnection();
            } else {
              ctx.resetConnection();
            }
          }
        });
      }
    }

    @Override
    public void onRemove(ToxicContext ctx) {
      cancelled = true;
      super.onRemove(ctx);
    }

    @Override
    public void onClose(ToxicContext ctx) {
      cancelled = true;
      super.onClose(ctx);
    }
  }
}
