package io.netharness.bench.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain blocking echo server on 127.0.0.1 (a thread per connection) for the proxies under test
 * to forward to. It keeps nothing, so long streams cost no memory; out of descriptors it retries.
 */
final class EchoServer implements AutoCloseable {
  private final ServerSocket listener;

  EchoServer() {
    try {
      listener = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accepter = new Thread(this::accept, "echo-accept");
    accepter.setDaemon(true);
    accepter.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        Thread t = new Thread(() -> echo(s), "echo");
        t.setDaemon(true);
        t.start();
      } catch (IOException | OutOfMemoryError e) {
        LockSupport.parkNanos(10_000_000L);
      }
    }
  }

  private static void echo(Socket s) {
    try (s) {
      s.getInputStream().transferTo(s.getOutputStream());
    } catch (IOException ignored) {
      // the client left or reset: nothing to echo
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
