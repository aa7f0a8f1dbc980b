package io.netharness.cli.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records, with {@link System#nanoTime()}, when each numbered message (or chunk) was sent and when
 * copies of it arrived, and turns that into a {@link PointResult}. Thread-safe: one thread sends,
 * another receives.
 */
final class Probe {
  private final int messages;
  private final int messageBytes;
  private final int lastMessageBytes;
  private final long[] sentAt;
  private final long[] firstArrival;
  private int delivered;
  private long deliveredBytes;
  private int duplicates;
  private int outOfOrder;
  private int garbled;
  private int highest = -1;
  private int arrivals;
  private long firstSend = Long.MAX_VALUE;
  private long lastArrival = Long.MIN_VALUE;
  private long lastEvent = System.nanoTime();

  /** {@code messages} numbered messages of {@code messageBytes} each. */
  Probe(int messages, int messageBytes) {
    this(messages, messageBytes, (long) messages * messageBytes);
  }

  /** {@code totalBytes} cut into {@code messages} pieces of {@code messageBytes}, the last one possibly shorter. */
  Probe(int messages, int messageBytes, long totalBytes) {
    this.messages = messages;
    this.messageBytes = messageBytes;
    this.lastMessageBytes = (int) (totalBytes - (long) (messages - 1) * messageBytes);
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
    lastEvent = System.nanoTime();
    notifyAll();
    if (firstArrival[seq] >= 0) {
      duplicates++;
      return;
    }
    firstArrival[seq] = nanos;
    delivered++;
    deliveredBytes += seq == messages - 1 ? lastMessageBytes : messageBytes;
    if (seq < highest) {
      outOfOrder++;
    }
    highest = Math.max(highest, seq);
  }

  /** Something arrived that is not exactly one of the messages sent: the run is not intact. */
  synchronized void garbled() {
    garbled++;
    lastEvent = System.nanoTime();
  }

  synchronized int arrivals() {
    return arrivals;
  }

  synchronized int delivered() {
    return delivered;
  }

  /**
   * Waits until {@code count} arrivals (duplicates included), or until none has come for
   * {@code quiet}; true if the count was reached.
   */
  synchronized boolean awaitArrivals(int count, Duration quiet) throws InterruptedException {
    while (arrivals < count) {
      long left = lastEvent + quiet.toNanos() - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** The result of the messages workload: intact when every message came back, none garbled. */
  synchronized PointResult result(String protocol, double value) {
    return result(protocol, value, delivered == messages && garbled == 0);
  }

  /** The result, with {@code intact} decided by the caller (the file workload compares digests). */
  synchronized PointResult result(String protocol, double value, boolean intact) {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      if (firstArrival[i] >= 0) {
        latencies.add(firstArrival[i] - sentAt[i]);
      }
    }
    latencies.sort(null);
    Duration completion = lastArrival == Long.MIN_VALUE ? Duration.ZERO : Duration.ofNanos(lastArrival - firstSend);
    double seconds = completion.toNanos() / 1e9;
    double goodput = seconds == 0 ? 0 : deliveredBytes / seconds;
    return new PointResult(protocol, value, messages, delivered, duplicates, outOfOrder, completion,
        percentile(latencies, 50), percentile(latencies, 99), goodput, intact);
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
