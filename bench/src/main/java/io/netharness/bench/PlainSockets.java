package io.netharness.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The baseline: java.net blocking sockets, one thread per connection, as simple as a tutorial's
 * server. Each server accepts exactly one connection on 127.0.0.1 and an ephemeral port.
 */
final class PlainSockets {
  static final int CHUNK = 64 * 1024;
  /** CPU time (user + system) the JDK relay's copy threads used, added by each when it ends. */
  static final java.util.concurrent.atomic.LongAdder RELAY_CPU_NANOS = new java.util.concurrent.atomic.LongAdder();

  private PlainSockets() {}

  /** A server that accepts one connection and runs {@code work} on it in its own thread. */
  static final class OneShotServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;

    OneShotServer(String name, SocketWork work) {
      try {
        listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      thread = new Thread(() -> {
        try (Socket socket = listener.accept()) {
          socket.setTcpNoDelay(true);
          work.run(socket);
        } catch (IOException e) {
          if (!listener.isClosed()) {
            throw new UncheckedIOException(e);
          }
        }
      }, name);
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    void join() throws InterruptedException {
      thread.join();
    }

    @Override
    public void close() throws IOException, InterruptedException {
      listener.close();
      thread.join(5_000);
    }
  }

  @FunctionalInterface
  interface SocketWork {
    void run(Socket socket) throws IOException;
  }

  /** Echoes everything back until the client closes. */
  static OneShotServer echo() {
    return new OneShotServer("jdk-echo", socket -> {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[CHUNK];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
    });
  }

  /** Reads and discards until the client closes; {@link OneShotServer#join()} returns then. */
  static OneShotServer discard() {
    return new OneShotServer("jdk-discard", socket -> {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[CHUNK];
      while (in.read(buffer) > 0) {
        // discard
      }
    });
  }

  /** Writes {@code bytes} in 64 KiB chunks, then closes. */
  static OneShotServer source(long bytes) {
    return new OneShotServer("jdk-source", socket -> {
      OutputStream out = socket.getOutputStream();
      byte[] chunk = new byte[CHUNK];
      for (long left = bytes; left > 0; left -= CHUNK) {
        out.write(chunk, 0, (int) Math.min(CHUNK, left));
      }
      out.flush();
    });
  }

  /**
   * The simplest copy-based proxy: for one client, a thread per direction copying through a 64 KiB
   * array, FIN passed on at the end. What a proxy that copies through user space can reach here.
   */
  static OneShotServer relay(InetSocketAddress upstream) {
    return new OneShotServer("jdk-relay", client -> {
      try (Socket server = connect(upstream)) {
        Thread down = new Thread(() -> copy(server, client), "jdk-relay-down");
        down.setDaemon(true);
        down.start();
        copy(client, server);
        try {
          down.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
  }

  private static void copy(Socket from, Socket to) {
    byte[] buffer = new byte[CHUNK];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // the other side went away: the measurement reports what arrived
    } finally {
      RELAY_CPU_NANOS.add(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }
  }

  static Socket connect(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address, 5_000);
    return socket;
  }
}
