package io.netharness.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code netharness proxy} in a fresh child JVM, exactly as a user starts it from the CLI jar (its
 * warm-up included): one proxy from a free loopback port to {@code upstream}, with the given
 * {@code --toxic} specs. {@code bench/run.sh} builds the jar; {@code -Dbench.cliJar=PATH} names another.
 *
 * <pre>{@code
 * try (CliProxy p = CliProxy.start(echo.address(), List.of("latency:latency=100"))) { connect(p.address()); }
 * }</pre>
 */
final class CliProxy implements AutoCloseable {
  private static final String READY = "Ctrl-C to stop.";

  private final Process process;
  private final InetSocketAddress address;
  private final @Nullable String warmUpLine;

  private CliProxy(Process process, InetSocketAddress address, @Nullable String warmUpLine) {
    this.process = process;
    this.address = address;
    this.warmUpLine = warmUpLine;
  }

  static Path jar() {
    return Path.of(System.getProperty("bench.cliJar", "harness/cli/target/netharness-cli.jar"));
  }

  static boolean available() {
    return Files.isRegularFile(jar());
  }

  /** Starts the child and returns once it printed {@code Ctrl-C to stop.} (its warm-up done). */
  static CliProxy start(InetSocketAddress upstream, List<String> toxics) {
    int listen = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar().toString(), "proxy", "--port", String.valueOf(freePort()),
        "--listen", "127.0.0.1:" + listen, "--upstream", "127.0.0.1:" + upstream.getPort()));
    toxics.forEach(t -> command.add("--toxic=" + t));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String warmUp = null;
      StringBuilder said = new StringBuilder();
      for (String line; (line = out.readLine()) != null; ) {
        said.append(line).append('\n');
        if (line.startsWith("data path warmed up")) {
          warmUp = line;
        }
        if (line.equals(READY)) {
          Thread drain = new Thread(() -> drain(out), "cli-proxy-stdout");
          drain.setDaemon(true);
          drain.start();
          return new CliProxy(p, new InetSocketAddress("127.0.0.1", listen), warmUp);
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("netharness proxy did not start:\n" + said);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return address;
  }

  /** What the child printed about its warm-up, e.g. {@code data path warmed up in 2874 ms (...)}. */
  @Nullable String warmUpLine() {
    return warmUpLine;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // the child's later output is not needed; reading keeps its pipe from filling
      }
    } catch (IOException e) {
      // the child is gone
    }
  }
}
