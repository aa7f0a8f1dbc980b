package io.netharness.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a debugging-assistant command in-process with its own stdin, stdout and stderr. */
final class AssistantRun {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final InputStream in;
  private final PipedOutputStream typing;

  private AssistantRun(InputStream in, PipedOutputStream typing) {
    this.in = in;
    this.typing = typing;
  }

  /** Stdin holds exactly {@code input}, then ends. */
  static AssistantRun withInput(String input) {
    return new AssistantRun(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null);
  }

  /** Stdin stays open until {@link #endInput()}; {@link #type} writes lines to it. */
  static AssistantRun interactive() {
    try {
      PipedOutputStream typing = new PipedOutputStream();
      return new AssistantRun(new PipedInputStream(typing, 1 << 16), typing);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int execute(String... args) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Stdio stdio = new Stdio(in, out, err, StandardCharsets.UTF_8);
    return NetHarness.commandLine(outWriter, errWriter, stdio).execute(args);
  }

  /** Runs on a thread of its own: the common pool may have a single thread, which a command still running would keep. */
  CompletableFuture<Integer> start(String... args) {
    return Background.supply("netharness-command-under-test", () -> execute(args));
  }

  void type(String text) {
    try {
      typing.write(text.getBytes(StandardCharsets.UTF_8));
      typing.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void endInput() {
    try {
      typing.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The port from the "[listening on HOST:PORT]" or "[bound HOST:PORT]" line, or -1 before it is printed. */
  int announcedPort() {
    Matcher m = Pattern.compile("\\[(?:listening on|bound) \\S+:(\\d+)").matcher(err());
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
