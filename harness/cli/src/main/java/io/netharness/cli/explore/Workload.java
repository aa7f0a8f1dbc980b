package io.netharness.cli.explore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What runs at every point of a sweep, the same each time ({@code --workload}). */
public sealed interface Workload permits Workload.Messages, Workload.FileTransfer {

  /** As given to {@code --workload}. */
  String wireName();

  /** The options that repeat it, for the "repeat with" command line. */
  String options();

  /** Its settings, for the report's parameters. */
  Map<String, Object> parameters();

  /** Bytes that cross the impaired direction, to size time-outs when the bandwidth is low. */
  long impairedBytes();

  /** The path {@code protocol} takes and where {@code effect} (the swept toxic or impairment) sits on it. */
  String path(String protocol, String effect);

  /**
   * {@code count} numbered messages of {@code messageBytes} bytes, one {@code interval} apart, each
   * echoed back; latency is the round trip.
   */
  record Messages(int count, int messageBytes, Duration interval) implements Workload {
    public static final int MIN_BYTES = io.netharness.payload.NumberedMessages.MIN_BYTES;
    public static final int MAX_BYTES = 8192;

    @Override
    public String wireName() {
      return "messages";
    }

    @Override
    public String options() {
      return "--workload messages --messages " + count + " --message-bytes " + messageBytes + " --interval "
          + Numbers.plain(interval.toNanos() / 1e6) + "ms";
    }

    @Override
    public Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("workload", wireName());
      p.put("messages", count);
      p.put("message_bytes", messageBytes);
      p.put("interval_ms", ReportWriter.ms(interval));
      return p;
    }

    @Override
    public long impairedBytes() {
      return (long) count * messageBytes;
    }

    @Override
    public String path(String protocol, String effect) {
      return protocol.equals("TCP") ? "client -> fault proxy -> echo server, " + effect + ", downstream (the echo path)"
          : "client -> UDP relay -> echo peer, " + effect + ", upstream (to the echo peer)";
    }
  }

  /**
   * A file of {@code fileBytes} seeded random bytes, sent one way in numbered chunks of
   * {@link #CHUNK_BYTES} (the last may be shorter), back to back; latency is one way.
   */
  record FileTransfer(long fileBytes) implements Workload {
    public static final int CHUNK_BYTES = 1024;
    public static final long MAX_BYTES = 64L << 20;
    /** Before each chunk in a datagram: its number, a 4-byte big-endian int. TCP sends the bare file. */
    public static final int HEADER_BYTES = 4;

    @Override
    public String wireName() {
      return "file";
    }

    public int chunks() {
      return (int) ((fileBytes + CHUNK_BYTES - 1) / CHUNK_BYTES);
    }

    @Override
    public String options() {
      return "--workload file --file-size " + ByteSizes.format(fileBytes);
    }

    @Override
    public Map<String, Object> parameters() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("workload", wireName());
      p.put("file_bytes", fileBytes);
      p.put("chunk_bytes", CHUNK_BYTES);
      p.put("chunks", chunks());
      p.put("udp_header_bytes", HEADER_BYTES);
      p.put("file_content", "java.util.SplittableRandom(seed).nextBytes, " + fileBytes + " bytes");
      return p;
    }

    @Override
    public long impairedBytes() {
      return fileBytes + (long) chunks() * HEADER_BYTES;
    }

    @Override
    public String path(String protocol, String effect) {
      return protocol.equals("TCP")
          ? "client -> fault proxy -> receiving server, " + effect + ", upstream (client to server); the stream is "
              + "the bare file"
          : "client -> UDP relay -> receiving peer, " + effect + ", upstream (client to receiver); one datagram per "
              + "chunk: its number (4 bytes) + the chunk";
    }
  }
}
