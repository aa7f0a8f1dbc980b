package io.netharness.proxy;

import io.netharness.HarnessException;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The toxics of one proxy, as Toxiproxy's toxic collection: what new connections start with, and every change
 * carried to the open ones on their own event loops. A change returns when it is in force on every connection,
 * bounded by a timeout so the control path never hangs on a blocked loop.
 */
final class ToxicChain {
  private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(5);

  private final String proxyName;
  private final long seed;
  private final OpenConnections connections;
  private final List<ToxicAttachment> toxics = new CopyOnWriteArrayList<>();
  private final AtomicLong serials = new AtomicLong();
  /** One change at a time, so every connection sees the changes in the same order. */
  private final Object control = new Object();

  ToxicChain(String proxyName, long seed, OpenConnections connections) {
    this.proxyName = proxyName;
    this.seed = seed;
    this.connections = connections;
  }

  /** The serial of the newest toxic added so far (0 before the first). */
  long lastSerial() {
    return serials.get();
  }

  void add(String toxicName, Direction direction, double toxicity, Toxic toxic) {
    Names.require("toxic name", toxicName);
    requireToxicity(toxicity);
    synchronized (control) {
      ToxicAttachment attachment;
      synchronized (this) {
        if (find(toxicName).isPresent()) {
          throw new HarnessException("toxic already exists: proxy \"" + proxyName + "\" has a toxic named \""
              + toxicName + "\"; remove it first or choose another name");
        }
        attachment = new ToxicAttachment(toxicName, direction, toxicity, toxic, serials.incrementAndGet(), new AtomicLong());
        toxics.add(attachment);
      }
      onEveryConnection("adding toxic " + toxicName, c -> attach(c, attachment));
    }
  }

  void update(String toxicName, Toxic toxic, double toxicity) {
    requireToxicity(toxicity);
    synchronized (control) {
      ToxicAttachment updated;
      synchronized (this) {
        ToxicAttachment current = find(toxicName).orElseThrow(() -> notFound(toxicName));
        if (!current.toxic().type().equals(toxic.type())) {
          throw new HarnessException("toxic \"" + toxicName + "\" is a " + current.toxic().type() + ", not a " + toxic.type());
        }
        updated = current.with(toxic, toxicity);
        toxics.set(toxics.indexOf(current), updated);
      }
      onEveryConnection("updating toxic " + toxicName,
          c -> c.link(updated.direction()).update(updated, applies(c, updated)));
    }
  }

  void remove(String toxicName) {
    synchronized (control) {
      ToxicAttachment removed;
      synchronized (this) {
        removed = find(toxicName).orElseThrow(() -> notFound(toxicName));
        toxics.remove(removed);
      }
      onEveryConnection("removing toxic " + toxicName, c -> c.link(removed.direction()).remove(toxicName));
    }
  }

  /** Removes every toxic; one removal that cannot take effect in time does not keep the others. */
  void removeAll() {
    HarnessException first = null;
    for (ToxicAttachment t : ordered()) {
      try {
        remove(t.name());
      } catch (HarnessException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Upstream toxics first, then downstream, each in insertion order: the order they apply. */
  List<ToxicAttachment> ordered() {
    List<ToxicAttachment> ordered = new ArrayList<>();
    toxics.stream().filter(t -> t.direction() == Direction.UPSTREAM).forEach(ordered::add);
    toxics.stream().filter(t -> t.direction() == Direction.DOWNSTREAM).forEach(ordered::add);
    return ordered;
  }

  Optional<ToxicAttachment> find(String toxicName) {
    return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst();
  }

  /** Gives a new connection every toxic there is now, on its own event loop. */
  void attachAll(ProxyConnection connection) {
    for (ToxicAttachment t : toxics) {
      attach(connection, t);
    }
  }

  private void attach(ProxyConnection connection, ToxicAttachment attachment) {
    long mix = mix(seed, connection.index(), attachment.direction().ordinal(), attachment.serial());
    connection.link(attachment.direction()).add(attachment, new SplittableRandom(mix), applies(connection, attachment));
  }

  /** The toxicity roll for this toxic on this connection: the same seed gives the same answer. */
  private boolean applies(ProxyConnection connection, ToxicAttachment attachment) {
    long mix = mix(seed, connection.index(), attachment.direction().ordinal(), attachment.serial());
    return attachment.toxicity() >= 1.0 || new SplittableRandom(~mix ^ Double.doubleToLongBits(attachment.toxicity()))
        .nextDouble() < attachment.toxicity();
  }

  private void onEveryConnection(String what, Consumer<ProxyConnection> action) {
    List<Future<?>> pending = new ArrayList<>();
    for (ProxyConnection c : connections.snapshot()) {
      Channel channel = c.client();
      if (channel.eventLoop().inEventLoop()) {
        action.accept(c);
      } else {
        Promise<Void> done = channel.eventLoop().newPromise();
        channel.eventLoop().execute(() -> {
          try {
            action.accept(c);
            done.setSuccess(null);
          } catch (RuntimeException e) {
            done.setFailure(e);
          }
        });
        pending.add(done);
      }
    }
    long deadline = System.nanoTime() + CONTROL_TIMEOUT.toNanos();
    for (Future<?> f : pending) {
      if (!f.awaitUninterruptibly(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new HarnessException("proxy \"" + proxyName + "\": " + what + " did not take effect on every connection within "
            + CONTROL_TIMEOUT.toSeconds() + " s (an event loop is blocked)");
      }
      if (!f.isSuccess()) {
        throw new HarnessException("proxy \"" + proxyName + "\": " + what + " failed: " + f.cause(), f.cause());
      }
    }
  }

  private HarnessException notFound(String toxicName) {
    return new HarnessException("toxic not found: proxy \"" + proxyName + "\" has no toxic \"" + toxicName
        + "\" (it has " + ordered().stream().map(ToxicAttachment::name).toList() + ")");
  }

  private static void requireToxicity(double toxicity) {
    if (!(toxicity >= 0 && toxicity <= 1)) {
      throw new HarnessException("toxicity is a probability from 0.0 to 1.0, not " + toxicity);
    }
  }

  static long mix(long... values) {
    long h = 0x9E3779B97F4A7C15L;
    for (long v : values) {
      h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }
}
