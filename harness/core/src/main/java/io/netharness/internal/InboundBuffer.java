package io.netharness.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * Bytes received and not yet consumed by the test, kept as the reads (or frames) they arrived in.
 * When more than {@link #HIGH_WATER} bytes wait, reading from the socket is paused (Netty
 * autoRead off) so TCP flow control pushes back on the sender; it resumes below
 * {@link #LOW_WATER}. Memory therefore stays bounded however fast the peer sends.
 */
public final class InboundBuffer {
  public static final int HIGH_WATER = 4 << 20;
  public static final int LOW_WATER = 1 << 20;

  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private final Runnable pause;
  private final Runnable resume;
  private final long keepLimit;
  private int headOffset;
  private long available;
  private long received;
  private boolean paused;
  private boolean endOfStream;
  private @Nullable String endReason;

  public InboundBuffer(Runnable pause, Runnable resume) {
    this(pause, resume, Long.MAX_VALUE);
  }

  private InboundBuffer(Runnable pause, Runnable resume, long keepLimit) {
    this.pause = pause;
    this.resume = resume;
    this.keepLimit = keepLimit;
  }

  /**
   * A buffer that never pauses reading (a server must keep reading whether or not a test
   * consumes): once more than {@code keepLimit} bytes wait unconsumed, later bytes are counted,
   * not kept, and the stream reads as ended with the reason.
   */
  public static InboundBuffer withoutFlowControl(long keepLimit) {
    return new InboundBuffer(() -> {}, () -> {}, keepLimit);
  }

  public synchronized void append(byte[] chunk) {
    if (chunk.length == 0) {
      return;
    }
    if (available + chunk.length > keepLimit) {
      received += chunk.length;
      end("cut short: more than " + (keepLimit >> 20) + " MiB arrived that nobody consumed; later bytes were not kept");
      return;
    }
    chunks.addLast(chunk);
    available += chunk.length;
    received += chunk.length;
    if (!paused && keepLimit == Long.MAX_VALUE && available > HIGH_WATER) {
      paused = true;
      pause.run();
    }
  }

  /** No more bytes will arrive; {@code reason} is e.g. "peer closed (FIN)". */
  public synchronized void end(String reason) {
    if (!endOfStream) {
      endOfStream = true;
      endReason = reason;
    }
  }

  public synchronized long available() {
    return available;
  }

  public synchronized long received() {
    return received;
  }

  public synchronized boolean ended() {
    return endOfStream;
  }

  public synchronized String endReason() {
    return endReason == null ? "open" : endReason;
  }

  /** True while reading is paused because too much waits unconsumed. */
  public synchronized boolean paused() {
    return paused;
  }

  public synchronized int chunkCount() {
    return chunks.size();
  }

  /** Copies up to {@code max} waiting bytes without consuming them. */
  public synchronized byte[] peek(int max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, available));
    boolean first = true;
    for (Iterator<byte[]> it = chunks.iterator(); it.hasNext() && out.size() < max; ) {
      byte[] chunk = it.next();
      int from = first ? headOffset : 0;
      first = false;
      out.write(chunk, from, Math.min(chunk.length - from, max - out.size()));
    }
    return out.toByteArray();
  }

  /** Index of the first occurrence of {@code pattern} among the waiting bytes, or -1. */
  public synchronized long indexOf(byte[] pattern, int searchLimit) {
    byte[] window = peek(searchLimit);
    outer:
    for (int i = 0; i + pattern.length <= window.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (window[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Consumes exactly {@code n} bytes; the caller checked that they are available. */
  public synchronized byte[] take(int n) {
    if (n > available) {
      throw new IllegalStateException("take(" + n + ") with only " + available + " available");
    }
    byte[] first = chunks.peekFirst();
    if (headOffset == 0 && first != null && first.length == n) {
      // exactly one whole read: hand over its array, no copy (bulk reads are often exactly the size asked for)
      chunks.removeFirst();
      available -= n;
      maybeResume();
      return first;
    }
    byte[] out = new byte[n];
    int filled = 0;
    while (filled < n) {
      byte[] head = chunks.peekFirst();
      int count = Math.min(head.length - headOffset, n - filled);
      System.arraycopy(head, headOffset, out, filled, count);
      filled += count;
      headOffset += count;
      if (headOffset == head.length) {
        chunks.removeFirst();
        headOffset = 0;
      }
    }
    available -= n;
    maybeResume();
    return out;
  }

  /** Consumes the rest of the first waiting chunk (one read, or one frame). */
  public synchronized byte[] takeChunk() {
    byte[] head = chunks.peekFirst();
    if (head == null) {
      throw new IllegalStateException("no chunk waiting");
    }
    return take(head.length - headOffset);
  }

  private void maybeResume() {
    if (paused && available < LOW_WATER) {
      paused = false;
      resume.run();
    }
  }
}
