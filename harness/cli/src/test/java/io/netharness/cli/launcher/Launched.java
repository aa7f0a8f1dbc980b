package io.netharness.cli.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A process started as a person starts it in a terminal: {@code bash ./netharness ARGS} (or any bash command line)
 * in a {@link RepositoryCopy}, with stdin a pipe, and stdout and stderr captured apart. {@link #close()} kills it
 * and everything it started; use it in try-with-resources.
 */
public final class Launched implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(90);
  /** How long a launch that builds the CLI first may take. */
  public static final Duration BUILD_WAIT = Duration.ofMinutes(6);

  private final Process process;
  private final String description;
  private final Capture out;
  private final Capture err;

  private Launched(Process process, String description) {
    this.process = process;
    this.description = description;
    this.out = new Capture(process.getInputStream(), "stdout of " + description);
    this.err = new Capture(process.getErrorStream(), "stderr of " + description);
  }

  /** {@code ./netharness ARGS} in the copy's root, with JAVA_HOME the JDK running the tests. */
  public static Launched netharness(RepositoryCopy copy, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", copy.root().resolve("netharness").toString()));
    command.addAll(List.of(args));
    return start(copy.root(), command, "./netharness " + String.join(" ", args));
  }

  /** A shell command line, as typed at a prompt in {@code dir} (stdout and stderr still apart). */
  public static Launched shell(Path dir, String commandLine) {
    return start(dir, List.of("bash", "-c", commandLine), commandLine);
  }

  private static Launched start(Path dir, List<String> command, String description) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    String javaHome = System.getProperty("java.home");
    env.put("JAVA_HOME", javaHome);
    env.put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("LC_ALL", "C.UTF-8");
    env.remove("NO_COLOR");
    // a developer who is not root would get the launcher's user-namespace notice on stderr, which the outputs
    // compared here do not show (they are recorded as root, as CI runs)
    env.put("NETHARNESS_USERNS", "0");
    try {
      return new Launched(builder.start(), description);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + description, e);
    }
  }

  /** Writes text to stdin, as if typed (add the newline yourself). */
  public Launched type(String text) {
    try {
      OutputStream in = process.getOutputStream();
      in.write(text.getBytes(StandardCharsets.UTF_8));
      in.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the stdin of " + description, e);
    }
  }

  /** Closes stdin, as Ctrl-D at the start of a line does. */
  public Launched endInput() {
    try {
      process.getOutputStream().close();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to exit by itself (stdin is closed first) and returns what it printed. */
  public Result finish() {
    return finish(WAIT);
  }

  public Result finish(Duration atMost) {
    endInput();
    return awaitExit(atMost);
  }

  /** Waits for the process to exit without touching stdin. */
  public Result awaitExit() {
    return awaitExit(WAIT);
  }

  private Result awaitExit(Duration atMost) {
    try {
      if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(description + " did not exit within " + atMost + "\nstdout:\n" + out.text()
            + "\nstderr:\n" + err.text());
      }
      out.awaitEnd();
      err.awaitEnd();
      return new Result(process.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** SIGTERM, as Ctrl-C stops it (the JVM runs its shutdown hooks); then what it printed. */
  public Result interrupt() {
    process.destroy();
    return awaitExit();
  }

  /** The first match of {@code regex} on stderr, once it shows up; group 1 when the pattern has one. */
  public String awaitStderr(String regex) {
    return err.await(Pattern.compile(regex), this);
  }

  public String awaitStdout(String regex) {
    return out.await(Pattern.compile(regex), this);
  }

  /** The port in {@code [listening on 127.0.0.1:NNNNN]} (or {@code [bound …]}) on stderr. */
  public int announcedPort() {
    return Integer.parseInt(awaitStderr("\\[(?:listening on|bound) 127\\.0\\.0\\.1:(\\d+)"));
  }

  public String stdout() {
    return out.text();
  }

  public String stderr() {
    return err.text();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return description + "\nstdout:\n" + out.text() + "\nstderr:\n" + err.text();
  }

  /** What a finished process printed, and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  /** Reads one stream to its end on a thread of its own, so the process never blocks on a full pipe. */
  private static final class Capture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread reader;

    Capture(InputStream stream, String name) {
      reader = new Thread(() -> {
        byte[] buffer = new byte[8192];
        try (stream) {
          for (int n; (n = stream.read(buffer)) >= 0; ) {
            synchronized (bytes) {
              bytes.write(buffer, 0, n);
            }
          }
        } catch (IOException e) {
          // the process was killed: keep what arrived
        }
      }, name);
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    String await(Pattern pattern, Launched owner) {
      Matcher[] found = new Matcher[1];
      Awaitility.await(pattern + " on " + reader.getName()).atMost(WAIT).pollInterval(Duration.ofMillis(20))
          .failFast("the process exited without printing it:\n" + owner, () -> !owner.isAlive() && !reader.isAlive()
              && !pattern.matcher(text()).find())
          .until(() -> {
            Matcher m = pattern.matcher(text());
            found[0] = m;
            return m.find();
          });
      return found[0].groupCount() > 0 ? found[0].group(1) : found[0].group();
    }

    void awaitEnd() throws InterruptedException {
      reader.join(WAIT.toMillis());
    }
  }
}
