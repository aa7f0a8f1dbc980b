package io.netharness.cli.explore;

import io.netharness.HarnessException;
import io.netharness.impairment.UdpDirection;
import io.netharness.impairment.UdpRelay;
import io.netharness.impairment.UdpRelayStats;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The file workload over UDP: one datagram per chunk (its number, then its bytes), sent back to
 * back in windows of 64 (each once the relay took the one before) from a client, through a
 * {@link UdpRelay}, to a receiving peer; the swept impairment sits
 * on the way there (upstream). Intact means every chunk arrived and, put back in number order,
 * they hash to the file's SHA-256.
 */
final class UdpFileTransfer {
  private static final Duration POLL = Duration.ofMillis(20);
  /** Datagrams sent before waiting for the relay to take them: 64 KiB, well inside a default socket buffer. */
  private static final int WINDOW = 64;
  /** How long a window may take to reach the relay; on loopback it takes microseconds unless datagrams were lost. */
  private static final Duration WINDOW_WAIT = Duration.ofMillis(500);

  private UdpFileTransfer() {}

  static PointResult run(ExploreSettings settings, TestFile file, double value) throws InterruptedException {
    Probe probe = new Probe(file.chunks(), Workload.FileTransfer.CHUNK_BYTES, file.size());
    byte[] @Nullable [] chunks = new byte[file.chunks()][]; // null until the chunk arrives
    AtomicBoolean running = new AtomicBoolean(true);
    Duration patience = settings.patience(value);
    UdpRelay.Builder builder = UdpRelay.builder().seed(settings.seed());
    settings.sweep().impairment(value).ifPresent(builder::upstream);
    try (UdpPeer sink = UdpPeer.bind(); UdpPeer client = UdpPeer.bind();
        UdpRelay relay = builder.target(sink.address()).start()) {
      Thread receiver = UdpWorkload.daemon("explore-udp-file-receiver", () -> {
        while (running.get()) {
          RecordedDatagram d = sink.poll(POLL);
          if (d != null) {
            take(d.bytes(), chunks, probe);
          }
        }
      });
      try {
        long droppedByKernel = 0;
        for (int i = 0; i < file.chunks(); i++) {
          probe.sent(i, System.nanoTime());
          client.sendTo(relay.address(), file.datagram(i));
          if ((i + 1) % WINDOW == 0 || i == file.chunks() - 1) {
            // let the relay take each window before the next, so the socket buffer in front of it never overflows
            // and what is lost is what the impairment drops
            try {
              relay.awaitReceived(UdpDirection.UPSTREAM, i + 1 - droppedByKernel, WINDOW_WAIT);
            } catch (HarnessException e) {
              // the kernel dropped some anyway: count them, so the next windows wait for what can still come
              droppedByKernel = i + 1 - relay.stats(UdpDirection.UPSTREAM).received();
            }
          }
        }
        relay.awaitSettled(patience); // delayed ones still on their way are counted below
        UdpRelayStats up = relay.stats(UdpDirection.UPSTREAM);
        probe.awaitArrivals((int) (up.forwarded() + up.duplicated()), patience);
      } finally {
        running.set(false);
        receiver.join();
      }
    }
    return probe.result("UDP", value, intact(chunks, file));
  }

  static void take(byte[] datagram, byte[] @Nullable [] chunks, Probe probe) {
    long now = System.nanoTime();
    int seq = datagram.length >= Workload.FileTransfer.HEADER_BYTES ? ByteBuffer.wrap(datagram).getInt() : -1;
    if (seq < 0 || seq >= chunks.length) {
      probe.garbled();
      return;
    }
    if (chunks[seq] == null) {
      chunks[seq] = Arrays.copyOfRange(datagram, Workload.FileTransfer.HEADER_BYTES, datagram.length);
    }
    probe.arrived(seq, now);
  }

  /** Every chunk there, and in number order they are the file, byte for byte. */
  static boolean intact(byte[] @Nullable [] chunks, TestFile file) {
    MessageDigest digest = TestFile.newDigest();
    for (byte[] chunk : chunks) {
      if (chunk == null) {
        return false;
      }
      digest.update(chunk);
    }
    return TestFile.hex(digest.digest()).equals(file.sha256());
  }
}
