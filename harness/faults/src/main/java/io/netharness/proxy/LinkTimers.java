package io.netharness.proxy;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The timers a link's toxics set on its event loop; all cancelled when the connection goes away. */
final class LinkTimers {
  private final EventLoop loop;
  private final Set<ScheduledFuture<?>> pending = new HashSet<>();

  LinkTimers(EventLoop loop) {
    this.loop = loop;
  }

  void schedule(long delayNanos, Runnable task) {
    ScheduledFuture<?>[] holder = new ScheduledFuture<?>[1];
    holder[0] = loop.schedule(() -> {
      pending.remove(holder[0]);
      task.run();
    }, delayNanos, TimeUnit.NANOSECONDS);
    pending.add(holder[0]);
  }

  void cancelAll() {
    pending.forEach(t -> t.cancel(false));
    pending.clear();
  }
}
