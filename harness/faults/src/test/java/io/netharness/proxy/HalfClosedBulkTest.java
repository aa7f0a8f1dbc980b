package io.netharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After one side's FIN, the other direction still carries every byte, however many: a request, FIN, then a large
 * reply (as an HTTP/1.0 client or {@code nc -N} does), and the other way round. Small replies always worked; a reply
 * large enough to fill the socket buffers was cut short when the proxy had to wait for room to write to a socket whose
 * read side had ended.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HalfClosedBulkTest {
  private static final int MIB = 1 << 20;

  @Test
  void aLargeReplyAfterTheClientsFinArrivesWhole() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = FaultProxy.builder().upstream((InetSocketAddress) listener.getLocalSocketAddress()).build().start();
        Socket client = new Socket()) {
      CompletableFuture<Long> upstream = CompletableFuture.supplyAsync(() -> {
        try (Socket s = listener.accept()) {
          assertThat(s.getInputStream().readAllBytes()).hasSize(3); // the request, then the client's FIN
          return send(s.getOutputStream(), 64 * MIB, 7);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      client.connect(proxy.address(), 5_000);
      client.setSoTimeout(30_000);
      client.getOutputStream().write("GET".getBytes());
      client.shutdownOutput();
      Received got = receiveAll(client.getInputStream());
      assertThat(got.bytes).isEqualTo(64L * MIB);
      assertThat(got.crc).isEqualTo(upstream.get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void aLargeUploadAfterTheUpstreamsFinArrivesWhole() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = FaultProxy.builder().upstream((InetSocketAddress) listener.getLocalSocketAddress()).build().start();
        Socket client = new Socket()) {
      CompletableFuture<Received> upstream = CompletableFuture.supplyAsync(() -> {
        try (Socket s = listener.accept()) {
          s.setSoTimeout(30_000);
          s.getOutputStream().write("hello".getBytes());
          s.shutdownOutput(); // the server has said all it will say, and now takes an upload
          return receiveAll(s.getInputStream());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      client.connect(proxy.address(), 5_000);
      client.setSoTimeout(30_000);
      assertThat(client.getInputStream().readAllBytes()).hasSize(5);
      long sent = send(client.getOutputStream(), 64 * MIB, 9);
      client.shutdownOutput();
      Received got = upstream.get(30, TimeUnit.SECONDS);
      assertThat(got.bytes).isEqualTo(64L * MIB);
      assertThat(got.crc).isEqualTo(sent);
    }
  }

  private static long send(OutputStream out, int total, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    CRC32 crc = new CRC32();
    byte[] chunk = new byte[65_536];
    for (int left = total; left > 0; left -= chunk.length) {
      random.nextBytes(chunk);
      crc.update(chunk);
      out.write(chunk);
    }
    return crc.getValue();
  }

  private record Received(long bytes, long crc) {}

  private static Received receiveAll(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[65_536];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      crc.update(buffer, 0, n);
      total += n;
    }
    return new Received(total, crc.getValue());
  }
}
