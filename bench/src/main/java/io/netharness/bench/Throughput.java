package io.netharness.bench;

import io.netharness.client.TcpClient;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * Bulk one-way transfers over loopback, in MB/s (10^6 bytes per second).
 *
 * <ul>
 *   <li>upload: the sender writes {@code bytes} in 64 KiB (or 1 MiB) chunks to a server that collects
 *       (harness: {@link TcpClient#send(byte[])} to a {@link TcpServer} with the default collect
 *       behaviour, which records the first 16 MiB, counts the rest, and keeps a transcript) or
 *       discards (plain: a {@link Socket} to a reading thread). The clock stops when the server
 *       has counted the last byte.
 *   <li>download: a plain server writes {@code bytes}; the client consumes them in 64 KiB pieces
 *       (harness: {@link TcpClient#receiveBytes}, i.e. through its inbound buffer; plain:
 *       {@link InputStream#read(byte[])}) until the server closes.
 * </ul>
 */
final class Throughput {
  private static final int CHUNK = PlainSockets.CHUNK;
  private static final int PIECE = PlainSockets.CHUNK;
  private static final Duration WAIT = Duration.ofMinutes(2);

  private Throughput() {}

  static double harnessUpload(long bytes, int chunkBytes) {
    byte[] chunk = new byte[chunkBytes];
    try (TcpServer server = TcpServer.builder().name("collect").build().start();
        TcpClient client = TcpClient.connect(server.address())) {
      ServerConnection connection = server.takeConnection(WAIT);
      long start = System.nanoTime();
      for (long left = bytes; left > 0; left -= chunkBytes) {
        client.send(left >= chunkBytes ? chunk : new byte[(int) left]);
      }
      connection.awaitBytesReceived(bytes, WAIT);
      return megabytesPerSecond(bytes, System.nanoTime() - start);
    }
  }

  static double plainUpload(long bytes, int chunkBytes) throws Exception {
    byte[] chunk = new byte[chunkBytes];
    try (PlainSockets.OneShotServer server = PlainSockets.discard()) {
      long start;
      try (Socket socket = PlainSockets.connect(server.address())) {
        OutputStream out = socket.getOutputStream();
        start = System.nanoTime();
        for (long left = bytes; left > 0; left -= chunkBytes) {
          out.write(chunk, 0, (int) Math.min(chunkBytes, left));
        }
      }
      server.join();
      return megabytesPerSecond(bytes, System.nanoTime() - start);
    }
  }

  static double harnessDownload(long bytes) throws Exception {
    try (PlainSockets.OneShotServer server = PlainSockets.source(bytes);
        TcpClient client = TcpClient.connect(server.address())) {
      long start = System.nanoTime();
      long got = 0;
      while (got < bytes) {
        got += client.receiveBytes((int) Math.min(PIECE, bytes - got), WAIT).length;
      }
      long elapsed = System.nanoTime() - start;
      client.awaitEnd(WAIT);
      return megabytesPerSecond(got, elapsed);
    }
  }

  static double plainDownload(long bytes) throws Exception {
    try (PlainSockets.OneShotServer server = PlainSockets.source(bytes);
        Socket socket = PlainSockets.connect(server.address())) {
      InputStream in = socket.getInputStream();
      byte[] piece = new byte[PIECE];
      long start = System.nanoTime();
      long got = 0;
      for (int n; (n = in.read(piece)) > 0; ) {
        got += n;
      }
      long elapsed = System.nanoTime() - start;
      if (got != bytes) {
        throw new IllegalStateException("received " + got + " of " + bytes + " bytes");
      }
      return megabytesPerSecond(got, elapsed);
    }
  }

  private static double megabytesPerSecond(long bytes, long nanos) {
    return bytes / (nanos / 1e9) / 1e6;
  }
}
