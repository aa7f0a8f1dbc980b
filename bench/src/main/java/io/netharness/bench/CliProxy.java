package io.netharness.bench;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** The start-up summary's proxy line, e.g. {@code   bench: 127.0.0.1:41234 -> 127.0.0.1:39001}. */
  private static final Pattern LISTENING = Pattern.compile("\\s+bench: 127\\.0\\.0\\.1:(\\d+) -> .*");

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

  /** Starts the child and returns once it printed {@code Ctrl-C to stop.} (its warm-up done), at most 2 minutes. */
  static CliProxy start(InetSocketAddress upstream, List<String> toxics) {
    // port 0 for both: the child binds free ports itself and prints the proxy's
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar().toString(), "proxy", "--port", "0", "--name", "bench",
        "--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:" + upstream.getPort()));
    toxics.forEach(t -> command.add("--toxic=" + t));
    Process p;
    try {
      p = ProcessReaper.watch(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a child that never gets ready is stopped, which ends the reading below
    AtomicBoolean ready = new AtomicBoolean();
    CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(() -> {
      if (!ready.get()) {
        ProcessReaper.kill(p);
      }
    });
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String warmUp = null;
    InetSocketAddress address = null;
    StringBuilder said = new StringBuilder();
    try {
      for (String line; (line = out.readLine()) != null; ) {
        said.append(line).append('\n');
        Matcher listening = LISTENING.matcher(line);
        if (listening.matches()) {
          address = new InetSocketAddress("127.0.0.1", Integer.parseInt(listening.group(1)));
        }
        if (line.startsWith("data path warmed up")) {
          warmUp = line;
        }
        if (line.equals(READY) && address != null) {
          ready.set(true);
          Thread drain = new Thread(() -> drain(out), "cli-proxy-stdout");
          drain.setDaemon(true);
          drain.start();
          return new CliProxy(p, address, warmUp);
        }
      }
    } catch (IOException | RuntimeException e) {
      ProcessReaper.kill(p);
      throw new IllegalStateException("reading netharness proxy's output: " + e + "\n" + said, e);
    }
    ProcessReaper.kill(p);
    throw new IllegalStateException("netharness proxy did not start (within 2 minutes):\n" + said);
  }

  InetSocketAddress address() {
    return address;
  }

  /** What the child printed about its warm-up, e.g. {@code data path warmed up in 4102 ms (...)}. */
  @Nullable String warmUpLine() {
    return warmUpLine;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      ProcessReaper.kill(process);
      process.waitFor();
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
