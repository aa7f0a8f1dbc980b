package io.netharness.lab.internal;

import io.netharness.lab.Direction;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes every packet the wire reads to a classic pcap file (LINKTYPE_RAW: bare IP packets, which Wireshark
 * and tshark open as is) and, line for line, its fate to a text file beside it: frame n of the pcap is line
 * n + 1 of the fate file (the first line is a header). The packet is recorded as the sending kernel sent it,
 * before the wire dropped, held or corrupted it.
 */
public final class Capture implements AutoCloseable {
  private static final int LINKTYPE_RAW = 101;
  private static final int SNAPLEN = 65_535;

  private final Path pcap;
  private final Path fates;
  private final OutputStream out;
  private final Writer fateOut;
  private final byte[] header = new byte[16];
  private long frames;
  private boolean closed;

  public Capture(Path pcap) {
    this.pcap = pcap;
    this.fates = fateFile(pcap);
    try {
      Path parent = pcap.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      out = new BufferedOutputStream(Files.newOutputStream(pcap), 1 << 16);
      fateOut = new BufferedWriter(Files.newBufferedWriter(fates, StandardCharsets.UTF_8), 1 << 14);
      byte[] global = new byte[24];
      putInt(global, 0, 0xa1b2c3d4);
      putShort(global, 4, 2);
      putShort(global, 6, 4);
      putInt(global, 16, SNAPLEN);
      putInt(global, 20, LINKTYPE_RAW);
      out.write(global);
      fateOut.write("# frame direction index fate (frame n is packet n of " + pcap.getFileName() + ")\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the lab's capture to " + pcap, e);
    }
  }

  /** The fate file that goes with a pcap: {@code lab.pcap} → {@code lab.fates.txt}. */
  public static Path fateFile(Path pcap) {
    String name = pcap.getFileName().toString();
    String stem = name.endsWith(".pcap") ? name.substring(0, name.length() - 5) : name;
    return pcap.resolveSibling(stem + ".fates.txt");
  }

  public Path pcap() {
    return pcap;
  }

  public Path fates() {
    return fates;
  }

  /** Records one packet and what the wire did to it. */
  public synchronized void record(Direction direction, long index, byte[] packet, int length, String fate) {
    if (closed) {
      return;
    }
    Instant now = Instant.now();
    putInt(header, 0, (int) now.getEpochSecond());
    putInt(header, 4, now.getNano() / 1000);
    putInt(header, 8, length);
    putInt(header, 12, length);
    frames++;
    try {
      out.write(header);
      out.write(packet, 0, length);
      fateOut.write(frames + " " + direction.arrow() + " " + index + " " + fate + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the lab's capture to " + pcap, e);
    }
  }

  /** Pushes what was recorded so far to the files, so they can be read while the lab runs. */
  public synchronized void flush() {
    try {
      out.flush();
      fateOut.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the lab's capture to " + pcap, e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    flush();
    closed = true;
    try {
      out.close();
      fateOut.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the lab's capture " + pcap, e);
    }
  }

  private static void putInt(byte[] b, int at, int v) { // pcap files are written in the writer's byte order: little-endian here
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }

  private static void putShort(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
  }
}
