package io.netharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netharness.internal.Transports;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import io.netharness.proxy.toxics.Toxics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bulk traffic through a toxic-free proxy is spliced in the kernel, and the hand-overs between the relay and the
 * links lose nothing: a toxic added mid-stream, a FIN, an RST, a disabled proxy. Real sockets, checksummed streams.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SpliceRelayTest {
  private static final int MIB = 1 << 20;
  private static final Duration WAIT = Duration.ofSeconds(20);

  @BeforeEach
  void onlyWithEpoll() {
    assumeTrue(SpliceRelay.ENABLED && Transports.name().equals("epoll"), "splicing needs the epoll transport");
  }

  @Test
  void bulkEchoArrivesExactlyAndIsSpliced() throws Exception {
    try (TcpServer echo = echo();
        FaultProxy proxy = FaultProxy.builder().upstream(echo.address()).build().start();
        Socket client = connect(proxy)) {
      Transfer transfer = Transfer.start(client, 1, 24 * MIB);
      assertThat(transfer.receivedChecksum(24 * MIB)).isEqualTo(transfer.sentChecksum());
      assertThat(proxy.splicedBytes()).as("bytes moved by splice(2)").isGreaterThan(8L * MIB);

      client.shutdownOutput(); // FIN through the relay: the echo closes, the client reads its end
      assertThat(client.getInputStream().read()).isEqualTo(-1);
      await().atMost(WAIT).until(() -> proxy.stats().connectionsOpen() == 0);
      assertThat(proxy.stats().upstreamBytesSent()).isEqualTo(24L * MIB);
      assertThat(proxy.stats().downstreamBytesSent()).isEqualTo(24L * MIB);
    }
  }

  @Test
  void aToxicAddedMidStreamTakesOverWithoutLosingAByteAndSplicingResumesWhenItGoes() throws Exception {
    try (TcpServer echo = echo();
        FaultProxy proxy = FaultProxy.builder().upstream(echo.address()).build().start();
        Socket client = connect(proxy)) {
      int total = 48 * MIB;
      Transfer transfer = Transfer.start(client, 2, total);
      CRC32 received = new CRC32();
      InputStream in = client.getInputStream();
      transfer.receive(in, received, 8 * MIB);
      long splicedBefore = proxy.splicedBytes();
      assertThat(splicedBefore).isPositive();

      ToxicHandle latency = proxy.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(1)));
      transfer.receive(in, received, 8 * MIB);
      assertThat(proxy.touchedBytes(latency.name())).as("bytes the toxic saw after it was added").isPositive();

      latency.close();
      long splicedAfterRemoval = proxy.splicedBytes();
      transfer.receive(in, received, total - 16 * MIB);
      assertThat(received.getValue()).isEqualTo(transfer.sentChecksum());
      assertThat(proxy.splicedBytes()).as("splicing again once the toxic is gone").isGreaterThan(splicedAfterRemoval);
    }
  }

  @Test
  void anUpstreamResetReachesTheClientAsAReset() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = FaultProxy.builder().upstream((InetSocketAddress) listener.getLocalSocketAddress()).build().start();
        Socket client = connect(proxy)) {
      CompletableFuture<Void> clientRead = new CompletableFuture<>();
      CompletableFuture<Void> upstream = CompletableFuture.runAsync(() -> {
        try (Socket s = listener.accept()) {
          s.getOutputStream().write(new byte[8 * MIB]); // spliced on its way
          clientRead.get(WAIT.toSeconds(), TimeUnit.SECONDS);
          s.setSoLinger(true, 0); // close with RST
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // the client only reads: no write of its own can take the reset's error first
      assertThat(client.getInputStream().readNBytes(8 * MIB)).hasSize(8 * MIB);
      clientRead.complete(null);
      upstream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(proxy.splicedBytes()).isPositive();
      assertThatThrownBy(() -> client.getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void disablingTheProxyEndsSplicedConnectionsAndLeavesNoDescriptorBehind() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts open descriptors in /proc (Linux)");
    try (TcpServer echo = echo();
        FaultProxy proxy = FaultProxy.builder().upstream(echo.address()).build().start()) {
      warm(proxy); // the proxy's own descriptors exist before the count
      long before = openDescriptors();
      for (int round = 0; round < 5; round++) {
        try (Socket client = connect(proxy)) {
          Transfer transfer = Transfer.start(client, 10 + round, 64 * MIB);
          transfer.receive(client.getInputStream(), new CRC32(), 4 * MIB);
          proxy.disable();
          await().atMost(WAIT).until(() -> proxy.stats().connectionsOpen() == 0);
          proxy.enable();
        }
      }
      assertThat(proxy.splicedBytes()).isPositive();
      await().atMost(WAIT).untilAsserted(() -> assertThat(openDescriptors()).isLessThanOrEqualTo(before + 2));
    }
  }

  private static void warm(FaultProxy proxy) throws Exception {
    try (Socket client = connect(proxy)) {
      Transfer transfer = Transfer.start(client, 99, 2 * MIB);
      assertThat(transfer.receivedChecksum(2 * MIB)).isEqualTo(transfer.sentChecksum());
    }
    await().atMost(WAIT).until(() -> proxy.stats().connectionsOpen() == 0);
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  private static Socket connect(FaultProxy proxy) throws IOException {
    Socket socket = new Socket();
    socket.connect(proxy.address(), 5_000);
    socket.setSoTimeout(20_000);
    return socket;
  }

  /** Sends {@code total} seeded bytes on a thread of its own while the test reads the echo. */
  private static final class Transfer {
    private final CompletableFuture<Long> sent;
    private final Socket client;

    private Transfer(Socket client, CompletableFuture<Long> sent) {
      this.client = client;
      this.sent = sent;
    }

    static Transfer start(Socket client, long seed, int total) {
      return new Transfer(client, CompletableFuture.supplyAsync(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[100_003]; // not a power of two: pieces never line up with the pipe's pages
        try {
          OutputStream out = client.getOutputStream();
          for (int left = total; left > 0; ) {
            int n = Math.min(chunk.length, left);
            random.nextBytes(chunk);
            crc.update(chunk, 0, n);
            out.write(chunk, 0, n);
            left -= n;
          }
        } catch (IOException e) {
          // the proxy went away mid-transfer (the disable test): what was sent is what counts
        }
        return crc.getValue();
      }));
    }

    long sentChecksum() throws Exception {
      return sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    long receivedChecksum(int bytes) throws IOException {
      CRC32 crc = new CRC32();
      receive(client.getInputStream(), crc, bytes);
      return crc.getValue();
    }

    void receive(InputStream in, CRC32 crc, int bytes) throws IOException {
      byte[] buffer = new byte[65_536];
      for (int left = bytes; left > 0; ) {
        int n = in.read(buffer, 0, Math.min(buffer.length, left));
        assertThat(n).as("the stream ended early, %d bytes short", left).isPositive();
        crc.update(buffer, 0, n);
        left -= n;
      }
    }
  }

  /** Core's echo server: closes when its client half-closes; keeps no finished connection's bytes. */
  private static TcpServer echo() {
    return TcpServer.builder().behavior(Behaviors.echo()).keepFinishedConnections(false).build().start();
  }
}
