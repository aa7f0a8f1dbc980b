package io.netharness.bench;

import io.netharness.client.TcpClient;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens up to {@code target} {@link TcpClient}s to one echo {@link TcpServer}, all at once, then
 * has each exchange one byte while all stay open. Both ends live in this JVM, so the heap figure
 * covers a server connection and a client per socket pair.
 */
final class Concurrency {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Concurrency() {}

  record Result(int opened, int accepted, int exchanged, long heapBeforeBytes, long heapAfterBytes,
      long directBytes, long millis, String stoppedBy) {}

  static Result run(int target) {
    long heapBefore = heapAfterGc();
    long start = System.nanoTime();
    List<TcpClient> clients = new ArrayList<>(target);
    String stoppedBy = "reached the target";
    try (TcpServer server = TcpServer.builder().behavior(Behaviors.echo()).name("many").build().start()) {
      try {
        for (int i = 0; i < target; i++) {
          clients.add(TcpClient.builder().address(server.address()).name("c" + i).connect());
        }
      } catch (RuntimeException | OutOfMemoryError e) {
        stoppedBy = e.toString();
      }
      int exchanged = 0;
      try {
        byte[] one = {'x'};
        for (TcpClient client : clients) {
          client.send(one);
          client.expectBytes(one, WAIT);
          exchanged++;
        }
      } catch (RuntimeException | OutOfMemoryError e) {
        stoppedBy = "exchange: " + e;
      }
      int accepted = server.connectionCount();
      long open = server.openConnectionCount();
      if (open != clients.size()) {
        stoppedBy = "server has " + open + " of " + clients.size() + " connections open";
      }
      long heapAfter = heapAfterGc();
      long millis = (System.nanoTime() - start) / 1_000_000;
      long direct = directBytes();
      clients.forEach(TcpClient::close);
      return new Result(clients.size(), accepted, exchanged, heapBefore, heapAfter, direct, millis, stoppedBy);
    }
  }

  static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long directBytes() {
    long total = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        total += pool.getMemoryUsed();
      }
    }
    return total;
  }
}
