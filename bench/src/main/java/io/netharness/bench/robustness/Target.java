package io.netharness.bench.robustness;

import io.netharness.proxy.api.AdminServer;
import io.netharness.proxy.api.ProxyRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The server under test: a fresh child JVM running {@link ProxyServer} (the suite: one per check,
 * optionally under {@code prlimit}), or an admin server in this JVM (the build's quick tests).
 *
 * <pre>{@code
 * try (Target t = Target.child(List.of())) { Api api = new Api(t.adminUrl()); }
 * }</pre>
 */
final class Target implements AutoCloseable {
  private final int adminPort;
  private final InetSocketAddress echo;
  private final @Nullable Process process;
  private final @Nullable AutoCloseable inProcess;

  private Target(int adminPort, InetSocketAddress echo, @Nullable Process process, @Nullable AutoCloseable inProcess) {
    this.adminPort = adminPort;
    this.echo = echo;
    this.process = process;
    this.inProcess = inProcess;
  }

  /** A child JVM; {@code launcher} goes before {@code java} (e.g. {@code prlimit --nofile=256:256}). */
  static Target child(List<String> launcher) {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // the harness's own switches reach the child too, e.g. -Dnetharness.proxy.spliceAfterBytes=0
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("netharness."))
        .sorted().forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ProxyServer.class.getName());
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("READY ")) {
        p.destroyForcibly();
        throw new IllegalStateException("the proxy server did not start: " + line);
      }
      Thread drain = new Thread(() -> drain(out), "child-stdout");
      drain.setDaemon(true);
      drain.start();
      String[] ports = line.split(" ");
      return new Target(Integer.parseInt(ports[1]), new InetSocketAddress("127.0.0.1", Integer.parseInt(ports[2])), p, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An admin server and echo server in this JVM. */
  static Target inProcess() {
    EchoServer echoServer = new EchoServer();
    AdminServer admin = AdminServer.builder().port(0).registry(new ProxyRegistry(42)).build().start();
    return new Target(admin.getPort(), echoServer.address(), null, () -> {
      admin.close();
      admin.registry().close();
      echoServer.close();
    });
  }

  int adminPort() {
    return adminPort;
  }

  String adminUrl() {
    return "http://127.0.0.1:" + adminPort;
  }

  InetSocketAddress echo() {
    return echo;
  }

  String echoHostPort() {
    return "127.0.0.1:" + echo.getPort();
  }

  boolean alive() {
    return process == null || process.isAlive();
  }

  /** Open descriptors of the child, or -1 in-process. */
  long fds() {
    if (process == null) {
      return -1;
    }
    try (var list = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
      return list.count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** Resident memory of the child in MiB, or -1. */
  long rssMiB() {
    if (process == null) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // the child prints nothing more; keep its pipe empty
      }
    } catch (IOException ignored) {
      // the child ended
    }
  }

  @Override
  public void close() {
    if (process != null) {
      try {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    if (inProcess != null) {
      try {
        inProcess.close();
      } catch (Exception ignored) {
        // best effort
      }
    }
  }
}
