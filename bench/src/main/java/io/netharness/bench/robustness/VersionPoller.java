package io.netharness.bench.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asks {@code /version} every 20 ms on its own thread and keeps the answer times (a hang counts as its
 * deadline), alternating two clients: the JDK's HttpClient, and a {@link RawVersionClient} (one
 * blocking keep-alive socket, as curl asks), whose times are the server's answer without the
 * HttpClient's own thread hand-offs.
 */
final class VersionPoller implements AutoCloseable {
  final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
  final List<Long> rawNanos = Collections.synchronizedList(new ArrayList<>());
  volatile int failures;
  private volatile boolean running = true;
  private final Thread thread;

  VersionPoller(Target target) {
    Api api = new Api(target.adminUrl(), Duration.ofSeconds(3));
    RawVersionClient raw = new RawVersionClient(target.adminPort(), Duration.ofSeconds(3));
    thread = new Thread(() -> {
      for (long i = 0; running; i++) {
        boolean viaRaw = i % 2 == 1;
        Api.Answer a = viaRaw ? raw.version() : api.version();
        (viaRaw ? rawNanos : nanos).add(a.nanos());
        if (a.status() != 200) {
          failures++;
        }
        Checks.pause(Duration.ofMillis(20));
      }
      raw.close();
    }, "version-poller");
    thread.setDaemon(true);
    thread.start();
  }

  /** Answer times through the JDK's HttpClient. */
  List<Long> samples() {
    synchronized (nanos) {
      return new ArrayList<>(nanos);
    }
  }

  /** Answer times through the plain keep-alive socket. */
  List<Long> rawSamples() {
    synchronized (rawNanos) {
      return new ArrayList<>(rawNanos);
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
