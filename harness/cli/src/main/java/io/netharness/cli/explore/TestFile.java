package io.netharness.cli.explore;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** The file workload's file: seeded random bytes, their SHA-256, and their numbered chunks. */
final class TestFile {
  private final byte[] bytes;
  private final String sha256;

  private TestFile(byte[] bytes) {
    this.bytes = bytes;
    this.sha256 = hex(newDigest().digest(bytes));
  }

  /** {@code size} bytes drawn from {@code seed}: the same seed gives the same file. */
  static TestFile of(long size, long seed) {
    byte[] bytes = new byte[Math.toIntExact(size)];
    new SplittableRandom(seed).nextBytes(bytes);
    return new TestFile(bytes);
  }

  long size() {
    return bytes.length;
  }

  int chunks() {
    return (bytes.length + Workload.FileTransfer.CHUNK_BYTES - 1) / Workload.FileTransfer.CHUNK_BYTES;
  }

  /** Chunk {@code seq}: {@link Workload.FileTransfer#CHUNK_BYTES} bytes, the last one possibly fewer. */
  byte[] chunk(int seq) {
    int from = seq * Workload.FileTransfer.CHUNK_BYTES;
    return Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + Workload.FileTransfer.CHUNK_BYTES));
  }

  /** Chunk {@code seq} as a datagram: its number (4 bytes, big-endian), then its bytes. */
  byte[] datagram(int seq) {
    byte[] chunk = chunk(seq);
    return ByteBuffer.allocate(Workload.FileTransfer.HEADER_BYTES + chunk.length).putInt(seq).put(chunk).array();
  }

  /** The file's SHA-256, lower-case hex. */
  String sha256() {
    return sha256;
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
