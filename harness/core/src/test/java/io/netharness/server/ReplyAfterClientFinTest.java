package io.netharness.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that answers a client's FIN with a reply far larger than the socket buffers, then half-closes, delivers
 * all of it before its FIN: the request, {@code shutdown(SHUT_WR)}, response pattern. {@code shutdownOutput()} used
 * to send the FIN at once, and Netty dropped the reply's bytes still queued behind it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplyAfterClientFinTest {
  private static final int REPLY = 32 << 20;

  @Test
  void aLargeReplyToAHalfClosedClientArrivesWhole() throws Exception {
    byte[] reply = new byte[REPLY];
    Arrays.fill(reply, (byte) 'r');
    Behavior replyOnFin = new Behavior() {
      @Override
      public void onMessage(ServerConnection c, byte[] m) {}

      @Override
      public void onPeerClosed(ServerConnection c) {
        c.send(reply);
        c.shutdownOutput();
      }
    };
    try (TcpServer server = TcpServer.builder().behavior(replyOnFin).build().start();
        Socket client = new Socket()) {
      client.connect(server.address(), 5_000);
      client.setSoTimeout(30_000);
      client.getOutputStream().write("GET".getBytes());
      client.shutdownOutput();
      long received = 0;
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[65_536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        received += n;
      }
      assertThat(received).isEqualTo(REPLY);
    }
  }
}
