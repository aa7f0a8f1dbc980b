package io.netharness.bench.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Asks {@code /version} every 20 ms on its own thread and keeps the answer times (a hang counts as its deadline). */
final class VersionPoller implements AutoCloseable {
  final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
  volatile int failures;
  private volatile boolean running = true;
  private final Thread thread;

  VersionPoller(Target target) {
    Api api = new Api(target.adminUrl(), Duration.ofSeconds(3));
    thread = new Thread(() -> {
      while (running) {
        Api.Answer a = api.version();
        nanos.add(a.nanos());
        if (a.status() != 200) {
          failures++;
        }
        Checks.pause(Duration.ofMillis(20));
      }
    }, "version-poller");
    thread.setDaemon(true);
    thread.start();
  }

  List<Long> samples() {
    synchronized (nanos) {
      return new ArrayList<>(nanos);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
