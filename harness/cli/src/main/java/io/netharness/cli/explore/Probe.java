package io.netharness.cli.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records, with {@link System#nanoTime()}, when each numbered message was sent and when copies of
 * it arrived, and turns that into a {@link PointResult}. Thread-safe: one thread sends, another receives.
 */
final class Probe {
  private final int messages;
  private final int messageBytes;
  private final long[] sentAt;
  private final long[] firstArrival;
  private int delivered;
  private int duplicates;
  private int outOfOrder;
  private int highest = -1;
  private int arrivals;
  private long firstSend = Long.MAX_VALUE;
  private long lastArrival = Long.MIN_VALUE;

  Probe(int messages, int messageBytes) {
    this.messages = messages;
    this.messageBytes = messageBytes;
    this.sentAt = new long[messages];
    this.firstArrival = new long[messages];
    Arrays.fill(firstArrival, -1);
  }

  synchronized void sent(int seq, long nanos) {
    sentAt[seq] = nanos;
    firstSend = Math.min(firstSend, nanos);
  }

  /** A message arrived; numbers outside 0..messages-1 (garbage) are ignored. */
  synchronized void arrived(int seq, long nanos) {
    if (seq < 0 || seq >= messages) {
      return;
    }
    arrivals++;
    lastArrival = Math.max(lastArrival, nanos);
    if (firstArrival[seq] >= 0) {
      duplicates++;
      return;
    }
    firstArrival[seq] = nanos;
    delivered++;
    if (seq < highest) {
      outOfOrder++;
    }
    highest = Math.max(highest, seq);
    notifyAll();
  }

  synchronized int arrivals() {
    return arrivals;
  }

  synchronized int delivered() {
    return delivered;
  }

  /** Waits until {@code count} arrivals (duplicates included) or until {@code timeout}; true if reached. */
  synchronized boolean awaitArrivals(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (arrivals < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  synchronized PointResult result(String protocol, double value) {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      if (firstArrival[i] >= 0) {
        latencies.add(firstArrival[i] - sentAt[i]);
      }
    }
    latencies.sort(null);
    Duration completion = lastArrival == Long.MIN_VALUE ? Duration.ZERO : Duration.ofNanos(lastArrival - firstSend);
    double seconds = completion.toNanos() / 1e9;
    double goodput = seconds == 0 ? 0 : (double) delivered * messageBytes / seconds;
    return new PointResult(protocol, value, messages, delivered, duplicates, outOfOrder, completion,
        percentile(latencies, 50), percentile(latencies, 99), goodput);
  }

  /** Nearest-rank percentile; zero when nothing arrived. */
  static Duration percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return Duration.ofNanos(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
  }
}
