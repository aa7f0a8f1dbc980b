package io.netharness.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A reference relay in its own process, one connection per process:
 * <ul>
 *   <li>socat: {@code socat -b 262144 TCP-LISTEN:<port>,bind=127.0.0.1 TCP:<upstream>} (Debian's socat,
 *       {@code apt-get install socat});
 *   <li>the splice relay: {@code bench/src/main/c/splice_relay.c}, socket → pipe → socket with splice(2),
 *       no copy into user space; {@code bench/run.sh} compiles it to {@code bench/target/splice-relay} where
 *       gcc exists ({@code -Dbench.spliceRelay=PATH} names another binary).
 * </ul>
 * Where a relay is missing its column stays empty.
 *
 * <pre>{@code
 * try (ExternalRelay socat = ExternalRelay.socat(server.address())) { connect(socat.address()); }
 * }</pre>
 */
final class ExternalRelay implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on .*?(\\d+)\\s*$");

  private static final Path TIME = Path.of("/usr/bin/time");

  private final Process process;
  private final InetSocketAddress address;
  private final @Nullable Path cpuFile;

  private ExternalRelay(Process process, InetSocketAddress address, @Nullable Path cpuFile) {
    this.process = process;
    this.address = address;
    this.cpuFile = cpuFile;
  }

  static boolean socatAvailable() {
    try {
      return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Path spliceBinary() {
    return Path.of(System.getProperty("bench.spliceRelay", "bench/target/splice-relay"));
  }

  static boolean spliceAvailable() {
    return Files.isExecutable(spliceBinary());
  }

  /** Starts socat and waits until it listens (it says so on stderr with {@code -d -d}). */
  static ExternalRelay socat(InetSocketAddress upstream) {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return start(List.of("socat", "-d", "-d", "-b", "262144", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,nodelay",
        "TCP:127.0.0.1:" + upstream.getPort() + ",nodelay"), true);
  }

  /**
   * Starts the C echo server of {@link NativeRoundTrips} ({@code idle-rtt echo}: every connection on its own thread,
   * not one per process) and waits until it listens. Not a relay, but started and stopped like one.
   */
  static ExternalRelay nativeEcho() {
    return start(List.of(NativeRoundTrips.binary().toString(), "echo"), false);
  }

  /** Starts the splice relay and waits until it listens (it prints its port on stdout). */
  static ExternalRelay splice(InetSocketAddress upstream) {
    return start(List.of(spliceBinary().toString(), String.valueOf(upstream.getPort())), false);
  }

  /** Starts the relay, under GNU time where it exists, which writes the relay's user and system seconds to a file at its exit. */
  private static ExternalRelay start(List<String> relay, boolean announcesOnStderr) {
    List<String> command = new java.util.ArrayList<>();
    Path cpuFile = null;
    try {
      if (Files.isExecutable(TIME)) {
        cpuFile = Files.createTempFile("relay-cpu", ".txt");
        command.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", cpuFile.toString()));
      }
      command.addAll(relay);
      Process p = ProcessReaper.watch(new ProcessBuilder(command).start());
      InputStream announcing = announcesOnStderr ? p.getErrorStream() : p.getInputStream();
      drainInBackground(announcesOnStderr ? p.getInputStream() : p.getErrorStream(), relay.get(0));
      BufferedReader lines = new BufferedReader(new InputStreamReader(announcing, StandardCharsets.UTF_8));
      for (String line; (line = lines.readLine()) != null; ) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          drainInBackground(lines, relay.get(0));
          return new ExternalRelay(p, new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), cpuFile);
        }
      }
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IllegalStateException(relay.get(0) + " ended before listening (exit " + p.waitFor() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  InetSocketAddress address() {
    return address;
  }

  private static void drainInBackground(InputStream stream, String name) {
    drainInBackground(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)), name);
  }

  private static void drainInBackground(BufferedReader lines, String name) {
    Thread drain = new Thread(() -> {
      try {
        while (lines.readLine() != null) {
          // the relay's per-connection notes
        }
      } catch (IOException ignored) {
        // the relay ended
      }
    }, name + "-output");
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * Waits a moment for the relay to end on its own (it does once its one connection closed both
   * ways), then stops it. Returns the relay's CPU time in nanoseconds (user + system, from GNU
   * time), or -1 if it is not known (no /usr/bin/time, or the relay had to be killed).
   */
  long closeAndCpuNanos() {
    boolean ended;
    try {
      ended = process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      close();
    }
    if (cpuFile == null) {
      return -1;
    }
    try {
      String[] times = Files.readString(cpuFile).trim().split("\\s+");
      Files.deleteIfExists(cpuFile);
      return ended && times.length == 2 ? (long) ((Double.parseDouble(times[0]) + Double.parseDouble(times[1])) * 1e9) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    // under GNU time the relay is time's child: stop it first, or it would outlive time
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    if (cpuFile != null) {
      try {
        Files.deleteIfExists(cpuFile);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }
}
