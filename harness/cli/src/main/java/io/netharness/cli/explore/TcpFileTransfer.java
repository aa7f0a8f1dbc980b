package io.netharness.cli.explore;

import io.netharness.client.TcpClient;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.server.Behavior;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * The file workload over TCP: the file's chunks written back to back from a client, through a
 * {@link FaultProxy}, to a receiving server; the swept toxic sits on the way there (upstream).
 * The stream carries the bare file, so chunk n has arrived when the server has byte
 * (n + 1) × 1024 (or the last byte); intact means the received stream's SHA-256 is the file's.
 */
final class TcpFileTransfer {
  private TcpFileTransfer() {}

  static PointResult run(ExploreSettings settings, TestFile file, double value) throws InterruptedException {
    Probe probe = new Probe(file.chunks(), Workload.FileTransfer.CHUNK_BYTES, file.size());
    Duration patience = settings.patience(value);
    Receiver receiver = new Receiver(probe, file.size());
    try (TcpServer server = TcpServer.builder().behavior(receiver).build().start();
        FaultProxy proxy = FaultProxy.builder().name("explore").upstream(server.address()).seed(settings.seed())
            .build().start()) {
      settings.sweep().toxic(value).ifPresent(toxic -> proxy.add(Direction.UPSTREAM, toxic));
      try (TcpClient client = TcpClient.builder().address(proxy.address()).sendTimeout(patience).connect()) {
        send(client, file, probe, patience);
      }
    }
    return probe.result("TCP", value, receiver.sha256().equals(file.sha256()));
  }

  /** Writes the file's chunks back to back and waits until the receiver has them all, or nothing came for a while. */
  static void send(TcpClient client, TestFile file, Probe probe, Duration patience) throws InterruptedException {
    for (int i = 0; i < file.chunks(); i++) {
      probe.sent(i, System.nanoTime());
      client.send(file.chunk(i));
    }
    probe.awaitArrivals(file.chunks(), patience);
  }

  /** Counts the stream's bytes into chunks and hashes them, on the server's event loop. */
  static final class Receiver implements Behavior {
    private final Probe probe;
    private final long fileBytes;
    private final MessageDigest digest = TestFile.newDigest();
    private long received;
    private int nextChunk;

    Receiver(Probe probe, long fileBytes) {
      this.probe = probe;
      this.fileBytes = fileBytes;
    }

    @Override
    public synchronized void onMessage(ServerConnection connection, byte[] message) {
      long now = System.nanoTime();
      digest.update(message);
      received += message.length;
      while (Math.min((nextChunk + 1L) * Workload.FileTransfer.CHUNK_BYTES, fileBytes) <= received
          && (long) nextChunk * Workload.FileTransfer.CHUNK_BYTES < fileBytes) {
        probe.arrived(nextChunk++, now);
      }
    }

    synchronized String sha256() {
      return TestFile.hex(digest.digest());
    }
  }
}
