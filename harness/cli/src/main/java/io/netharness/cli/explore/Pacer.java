package io.netharness.cli.explore;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Sends on a fixed schedule (start + n × interval), so a slow send does not shift the later ones. */
final class Pacer {
  private final long start = System.nanoTime();
  private final long intervalNanos;

  Pacer(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  void awaitSlot(int n) {
    long due = start + n * intervalNanos;
    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
