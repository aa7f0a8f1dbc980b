package io.netharness.proxy;

import java.util.concurrent.atomic.AtomicLong;

/** What went through one proxy, counted at its sockets; read as {@link ProxyStats}. */
final class ProxyCounters {
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong peakPieces = new AtomicLong();
  private final AtomicLong spliced = new AtomicLong();
  private final AtomicLong[] received = {new AtomicLong(), new AtomicLong()};
  private final AtomicLong[] sent = {new AtomicLong(), new AtomicLong()};

  /** Counts an accepted client and returns its index (1, 2, …): the seed's draws follow accept order. */
  long accepted() {
    return accepted.incrementAndGet();
  }

  void countReceived(Direction direction, long bytes) {
    received[direction.ordinal()].addAndGet(bytes);
  }

  void countSent(Direction direction, long bytes) {
    sent[direction.ordinal()].addAndGet(bytes);
  }

  /** Bytes {@link SpliceRelay} spliced into their destination (also counted as sent; not what it left to the links). */
  void countSpliced(long bytes) {
    spliced.addAndGet(bytes);
  }

  long splicedBytes() {
    return spliced.get();
  }

  void notePeakPieces(long pieces) {
    peakPieces.accumulateAndGet(pieces, Math::max);
  }

  /** The most pieces one link held at once (queued writes plus pieces held by toxics). */
  long peakPieces() {
    return peakPieces.get();
  }

  ProxyStats stats(long openConnections) {
    return new ProxyStats(accepted.get(), openConnections, received[0].get(), sent[0].get(),
        received[1].get(), sent[1].get());
  }
}
