package io.netharness.bench.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /version} over one kept-alive plain socket, the way curl or a Python poller asks: one
 * thread writes the request and blocks reading the answer. The JDK's HttpClient hands every call to
 * its selector thread and back, so under a saturated CPU its times include several thread wake-ups
 * of the client's own; this one measures the server's answer plus one wake-up of the caller.
 *
 * <pre>{@code
 * try (RawVersionClient c = new RawVersionClient(adminPort, Duration.ofSeconds(3))) { Api.Answer a = c.version(); }
 * }</pre>
 */
final class RawVersionClient implements AutoCloseable {
  private static final byte[] REQUEST =
      "GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final InetSocketAddress address;
  private final int deadlineMillis;
  private @Nullable Socket socket;
  private @Nullable InputStream in;

  RawVersionClient(int port, Duration deadline) {
    this.address = new InetSocketAddress("127.0.0.1", port);
    this.deadlineMillis = (int) deadline.toMillis();
  }

  /** One call; a connection that fails or closes is status 0, no answer before the deadline is -1 (a hang). */
  Api.Answer version() {
    long start = System.nanoTime();
    try {
      Socket s = socket();
      OutputStream out = s.getOutputStream();
      out.write(REQUEST);
      out.flush();
      int status = readAnswer(in);
      return new Api.Answer(status, "", System.nanoTime() - start);
    } catch (java.net.SocketTimeoutException e) {
      close();
      return new Api.Answer(-1, "no answer within " + deadlineMillis + " ms", System.nanoTime() - start);
    } catch (IOException e) {
      close();
      return new Api.Answer(0, String.valueOf(e), System.nanoTime() - start);
    }
  }

  private Socket socket() throws IOException {
    if (socket == null || socket.isClosed()) {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      s.setSoTimeout(deadlineMillis);
      s.connect(address, deadlineMillis);
      socket = s;
      in = new java.io.BufferedInputStream(s.getInputStream());
    }
    return socket;
  }

  /** Reads the status line and headers, then exactly Content-Length bytes of body; returns the status. */
  private static int readAnswer(@Nullable InputStream in) throws IOException {
    if (in == null) {
      throw new IOException("not connected");
    }
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the answer's head: " + head);
      }
      head.append((char) b);
    }
    String[] lines = head.toString().split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    long length = 0;
    for (String line : lines) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Long.parseLong(line.substring(15).trim());
      }
    }
    for (long left = length; left > 0; left--) {
      if (in.read() < 0) {
        throw new IOException("connection closed in the answer's body");
      }
    }
    return status;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // going away anyway
      }
      socket = null;
      in = null;
    }
  }
}
