package io.netharness;

import io.netharness.payload.HexDump;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one endpoint saw, in order, with timestamps: connects, each read and write, FIN, RST
 * and errors. Thread-safe; readers get snapshots. Bytes are kept up to a budget
 * ({@link #DEFAULT_BYTE_BUDGET}) so a 100 MiB transfer does not fill the heap; counters are
 * always exact.
 *
 * <pre>{@code
 * System.out.println(server.takeConnection().transcript().render(UTF_8));
 * //     0.000 ms CONNECTED       from /127.0.0.1:53122
 * //     1.204 ms RECEIVED        5 bytes
 * //   00000000  68 65 6c 6c 6f ...
 * }</pre>
 */
public final class Transcript {
  /** Bytes of data kept per transcript before only sizes are recorded. */
  public static final int DEFAULT_BYTE_BUDGET = 1 << 20;

  private final Instant startedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private final List<TranscriptEvent> events = new ArrayList<>();
  private final int byteBudget;
  private int bytesKept;
  private long bytesReceived;
  private long bytesSent;

  public Transcript() {
    this(DEFAULT_BYTE_BUDGET);
  }

  public Transcript(int byteBudget) {
    this.byteBudget = byteBudget;
  }

  public synchronized void record(TranscriptEvent.Kind kind, String detail) {
    events.add(new TranscriptEvent(elapsed(), kind, 0, new byte[0], detail));
  }

  /** Records a data event and returns it; copies at most what is left of the byte budget. */
  public synchronized TranscriptEvent recordData(TranscriptEvent.Kind kind, byte[] data, int length, String detail) {
    int keep = bytesKept + length <= byteBudget ? length : 0;
    byte[] kept = keep == length && data.length == length ? data : new byte[0];
    bytesKept += kept.length;
    if (kind == TranscriptEvent.Kind.RECEIVED) {
      bytesReceived += length;
    } else if (kind == TranscriptEvent.Kind.SENT) {
      bytesSent += length;
    }
    TranscriptEvent event = new TranscriptEvent(elapsed(), kind, length, kept, detail);
    events.add(event);
    return event;
  }

  /** True when a data event of {@code length} bytes would still be kept in full. */
  public synchronized boolean wantsBytes(int length) {
    return bytesKept + length <= byteBudget;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public synchronized List<TranscriptEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<TranscriptEvent> events(TranscriptEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }

  public synchronized Optional<TranscriptEvent> first(TranscriptEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).findFirst();
  }

  public synchronized boolean has(TranscriptEvent.Kind kind) {
    return events.stream().anyMatch(e -> e.kind() == kind);
  }

  public synchronized long bytesReceived() {
    return bytesReceived;
  }

  public synchronized long bytesSent() {
    return bytesSent;
  }

  /** A debugging-assistant style log: one line per event, hexdumps under data events. */
  public String render(Charset charset) {
    StringBuilder out = new StringBuilder();
    for (TranscriptEvent e : events()) {
      out.append(e).append('\n');
      if (e.length() > 0 && e.retained()) {
        for (String line : HexDump.of(e.bytes(), charset).split("\n")) {
          out.append("      ").append(line).append('\n');
        }
      }
    }
    return out.toString();
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
