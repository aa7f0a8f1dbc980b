package io.netharness.lab.internal;

import io.netharness.HarnessException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a classic pcap file of raw IP packets (LINKTYPE_RAW 101 or LINKTYPE_IPV4 228), either byte order. */
public final class PcapFile {
  /** One record: when it was captured and its bytes. */
  public record Frame(Instant time, byte[] bytes) {}

  private PcapFile() {}

  public static List<Frame> read(Path pcap) {
    ByteBuffer in;
    try {
      in = ByteBuffer.wrap(Files.readAllBytes(pcap));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the capture " + pcap, e);
    }
    if (in.remaining() < 24) {
      throw new HarnessException(pcap + " is not a pcap file: " + in.remaining() + " bytes, a pcap header has 24");
    }
    in.order(ByteOrder.LITTLE_ENDIAN);
    int magic = in.getInt(0);
    boolean nanos;
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
      nanos = magic == 0xa1b23c4d;
    } else {
      in.order(ByteOrder.BIG_ENDIAN);
      magic = in.getInt(0);
      if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
        throw new HarnessException(pcap + " is not a classic pcap file (magic 0x" + Integer.toHexString(magic) + ")");
      }
      nanos = magic == 0xa1b23c4d;
    }
    int linkType = in.getInt(20) & 0xffff;
    if (linkType != 101 && linkType != 228) {
      throw new HarnessException(pcap + " holds link type " + linkType + "; only raw IP (101, 228) is read here");
    }
    in.position(24);
    List<Frame> frames = new ArrayList<>();
    while (in.remaining() >= 16) {
      long seconds = in.getInt() & 0xffffffffL;
      long fraction = in.getInt() & 0xffffffffL;
      int captured = in.getInt();
      in.getInt(); // original length
      if (captured < 0 || captured > in.remaining()) {
        break; // a record cut short (the writer was still writing): stop at the last whole one
      }
      byte[] bytes = new byte[captured];
      in.get(bytes);
      frames.add(new Frame(Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000), bytes));
    }
    return frames;
  }
}
