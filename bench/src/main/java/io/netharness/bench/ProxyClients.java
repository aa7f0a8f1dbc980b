package io.netharness.bench;

import io.netharness.proxy.FaultProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Many plain clients through one {@link FaultProxy} to a one-thread NIO echo server, all open at
 * once; then each sends one byte and reads its echo while all stay open. Everything is in this
 * JVM, so the heap figure covers the proxy's two channels per client plus the plain sockets.
 */
final class ProxyClients {
  private ProxyClients() {}

  record Result(int opened, long proxiedAtOnce, int exchanged, long heapBeforeBytes, long heapAfterBytes,
      long millis, String stoppedBy) {}

  static Result run(int target) throws Exception {
    long heapBefore = Concurrency.heapAfterGc();
    List<Socket> clients = new ArrayList<>(target);
    String stoppedBy = "reached the target";
    try (NioEcho echo = new NioEcho(); FaultProxy proxy = ProxyBench.proxyTo(echo.address())) {
      long start = System.nanoTime();
      try {
        for (int i = 0; i < target; i++) {
          clients.add(PlainSockets.connect(proxy.address()));
        }
      } catch (IOException | RuntimeException | OutOfMemoryError e) {
        stoppedBy = "connect: " + e;
      }
      int exchanged = 0;
      try {
        for (Socket client : clients) {
          client.setSoTimeout(10_000);
          client.getOutputStream().write('x');
          if (client.getInputStream().read() != 'x') {
            throw new IllegalStateException("no echo on client " + exchanged);
          }
          exchanged++;
        }
      } catch (SocketTimeoutException e) {
        stoppedBy = "exchange: no echo within 10 s on client " + exchanged;
      } catch (IOException | RuntimeException | OutOfMemoryError e) {
        stoppedBy = "exchange: " + e;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      long atOnce = proxy.stats().connectionsOpen();
      long heapAfter = Concurrency.heapAfterGc();
      for (Socket client : clients) {
        client.close();
      }
      return new Result(clients.size(), atOnce, exchanged, heapBefore, heapAfter, millis, stoppedBy);
    }
  }

  /** Echoes every connection on one selector thread. */
  static final class NioEcho implements AutoCloseable {
    private final Selector selector;
    private final ServerSocketChannel listener;
    private final Thread thread;
    private final List<SocketChannel> accepted = new ArrayList<>();
    private volatile boolean running = true;

    NioEcho() throws IOException {
      selector = Selector.open();
      listener = ServerSocketChannel.open();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
      thread = new Thread(this::loop, "nio-echo");
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() throws IOException {
      return (InetSocketAddress) listener.getLocalAddress();
    }

    private void loop() {
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      try {
        while (running) {
          selector.select();
          for (SelectionKey key : selector.selectedKeys()) {
            if (key.isAcceptable()) {
              for (SocketChannel c; (c = listener.accept()) != null; ) {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ);
                accepted.add(c);
              }
            } else if (key.isReadable()) {
              SocketChannel c = (SocketChannel) key.channel();
              buffer.clear();
              int n = c.read(buffer);
              if (n < 0) {
                key.cancel();
                c.close();
              } else {
                buffer.flip();
                c.write(buffer); // one byte at a time here: it always fits in the send buffer
              }
            }
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws Exception {
      running = false;
      selector.wakeup();
      thread.join(5_000);
      selector.close();
      listener.close();
      for (SocketChannel c : accepted) {
        c.close();
      }
    }
  }
}
