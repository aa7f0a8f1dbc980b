package io.netharness.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import io.netharness.proxy.api.AdminServer;
import io.netharness.proxy.api.ProxySpec;

/**
 * Run in a child JVM by {@link FdExhaustionTest}: after a warm-up, lowers its own descriptor limit
 * ({@code prlimit}) to what it uses plus a little, opens connections through a proxy until the process
 * runs out of descriptors, lets them go, then checks the admin API and the proxy work again. Prints one line per finding; exit 0 = recovered.
 */
public final class FdExhaustionProbe {
  private static volatile Exception lastError;

  private FdExhaustionProbe() {}

  public static void main(String[] args) throws Exception {
    failingLogBackend();
    try (ServerSocket echo = new ServerSocket(0, 4096, java.net.InetAddress.getLoopbackAddress());
         AdminServer admin = AdminServer.builder().port(0).build().start()) {
      Thread server = new Thread(() -> serveEcho(echo), "echo");
      server.setDaemon(true);
      server.start();
      FaultProxy proxy = admin.registry().create(ProxySpec.of("p", "127.0.0.1:0", "127.0.0.1:" + echo.getLocalPort()));
      // load every class the run needs while descriptors are plentiful (test classes come from directories)
      boolean warmEcho = false;
      boolean warmApi = false;
      for (int i = 0; i < 20 && !(warmEcho && warmApi); i++) { // the first calls load classes: give them time
        warmEcho = warmEcho || echoes(proxy.address());
        warmApi = warmApi || version(admin);
      }
      System.out.println("warm: " + proxy.stats());
      if (!warmEcho || !warmApi) {
        throw new IllegalStateException("the warm-up failed: echo " + warmEcho + ", api " + warmApi + ", " + proxy.stats(), lastError);
      }
      int limit = lowerDescriptorLimit(args.length > 0 ? Integer.parseInt(args[0]) : 150);
      System.out.println("descriptor limit now " + limit);
      List<Socket> clients = new ArrayList<>();
      int failed = 0;
      for (int i = 0; i < 2000 && failed < 50; i++) {
        try {
          Socket s = new Socket();
          clients.add(s);
          s.connect(proxy.address(), 2000);
        } catch (IOException e) {
          failed++;
        }
      }
      System.out.println("opened " + clients.size() + " clients, " + failed + " failed; proxy accepted "
          + proxy.stats().connectionsAccepted());
      for (Socket s : clients) {
        s.close();
      }
      long deadline = System.nanoTime() + 20_000_000_000L;
      boolean api = false;
      boolean data = false;
      while (System.nanoTime() < deadline && !(api && data)) {
        api = api || version(admin);
        data = data || echoes(proxy.address());
        if (!(api && data)) {
          Thread.onSpinWait();
          java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
      }
      System.out.println("api " + (api ? "answers" : "DEAD") + ", proxy " + (data ? "echoes" : "DEAD")
          + (api && data ? "" : "; last error: " + lastError));
      System.exit(api && data ? 0 : 1);
    }
  }

  /**
   * Netty logs through java.util.logging here; its formatter needed a file (time-zone data) it could not open
   * once descriptors ran out, and the Error killed the event loop thread that logged. Logging that fails with an
   * Error whenever it runs out of descriptors reproduces that on any machine.
   */
  private static void failingLogBackend() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    for (java.util.logging.Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    root.addHandler(new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        System.out.println("log: " + record.getLevel() + " " + record.getMessage());
        if (lowered) {
          throw new Error("the log backend cannot open a file: Too many open files");
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  private static volatile boolean lowered;

  /** Lowers this process's descriptor limit to what it uses now plus {@code headroom}; returns the new limit. */
  private static int lowerDescriptorLimit(int headroom) throws IOException, InterruptedException {
    int used;
    try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
      used = (int) fds.count();
    }
    int limit = used + headroom;
    Process prlimit = new ProcessBuilder("prlimit", "--pid", String.valueOf(ProcessHandle.current().pid()),
        "--nofile=" + limit + ":" + limit).inheritIO().start();
    if (prlimit.waitFor() != 0) {
      throw new IllegalStateException("prlimit failed");
    }
    lowered = true;
    return limit;
  }

  private static boolean version(AdminServer admin) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(admin.url() + "/version").toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(1000);
      try (InputStream in = c.getInputStream()) {
        return c.getResponseCode() == 200 && new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("version");
      }
    } catch (IOException e) {
      lastError = e;
      return false;
    }
  }

  private static boolean echoes(InetSocketAddress address) {
    try (Socket s = new Socket()) {
      s.connect(address, 1000);
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      out.write('x');
      return s.getInputStream().read() == 'x';
    } catch (IOException e) {
      lastError = e;
      return false;
    }
  }

  private static void serveEcho(ServerSocket echo) {
    while (!echo.isClosed()) {
      try {
        Socket s = echo.accept();
        Thread t = new Thread(() -> {
          try (s) {
            s.getInputStream().transferTo(s.getOutputStream());
          } catch (IOException ignored) {
            // the client left
          }
        });
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // out of descriptors: try again
      }
    }
  }
}
