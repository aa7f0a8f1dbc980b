package io.netharness.cli.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Runs the {@code $ command} lines of a marked block, one after the other, in the repository copy, and writes
 * down what each printed (stdout and stderr interleaved as a terminal shows them) under its command, as the
 * block shows it. Clauses of the marker:
 * <ul>
 *   <li>{@code ports 18474 17001}: stand-ins for free ports, picked at run time and written back in the output;
 *   <li>{@code running 1}: command 1 keeps running (a server) while the next ones run; it is stopped at the end;
 *   <li>{@code before CMD until TEXT}: a command not shown, started first and kept running, once it printed TEXT;
 *   <li>{@code shows stderr}: the block shows only what the commands print on stderr;
 *   <li>{@code script}: the block is a shell script whose output is shown as {@code # } comments (see
 *       {@link #runScript()}); {@code trimmed}: only some of the lines printed are shown.
 * </ul>
 */
final class DocSession {
  private final DocBlock block;
  private final RepositoryCopy copy;
  private final Map<String, String> ports = new LinkedHashMap<>();

  DocSession(DocBlock block, RepositoryCopy copy) {
    this.block = block;
    this.copy = copy;
    for (String port : block.clause("ports").split("\\s+")) {
      if (!port.isEmpty()) {
        ports.put(port, Integer.toString(freePort()));
      }
    }
  }

  /** One {@code $ command} (its continuation lines kept) and the lines the block shows after it. */
  record Step(List<String> command, List<String> shown) {
    String commandLine() {
      return command.stream().map(line -> line.startsWith("$ ") ? line.substring(2) : line)
          .collect(Collectors.joining("\n"));
    }
  }

  static List<Step> steps(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    while (i < lines.size()) {
      if (!lines.get(i).startsWith("$ ")) {
        throw new IllegalStateException("expected a '$ command' line, not: " + lines.get(i));
      }
      List<String> command = new ArrayList<>(List.of(lines.get(i++)));
      while (command.get(command.size() - 1).endsWith("\\") && i < lines.size()) {
        command.add(lines.get(i++));
      }
      List<String> shown = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).startsWith("$ ")) {
        shown.add(lines.get(i++));
      }
      steps.add(new Step(command, shown));
    }
    return steps;
  }

  /** Runs the block's commands and returns the block as they print it now. */
  String run() {
    List<Step> steps = steps(block.lines());
    Set<Integer> running = Stream.of(block.clause("running").split("\\s+")).filter(s -> !s.isEmpty())
        .map(Integer::valueOf).collect(Collectors.toSet());
    List<Launched> started = new ArrayList<>();
    StringBuilder transcript = new StringBuilder();
    try {
      if (block.has("before")) {
        String[] before = block.clause("before").split("\\s+until\\s+", 2);
        Launched setup = start(before[0]);
        started.add(setup);
        setup.awaitStdout(Pattern.quote(before[1]));
      }
      List<Launched> processes = new ArrayList<>();
      for (int n = 1; n <= steps.size(); n++) {
        Step step = steps.get(n - 1);
        Launched process = start(step.commandLine());
        started.add(process);
        processes.add(process);
        if (running.contains(n)) {
          String last = lastLine(step.shown());
          Normaliser normaliser = new Normaliser(copy.root().toString());
          Awaitility.await(step.commandLine() + " to print " + last).atMost(Launched.WAIT)
              .failFast("it exited:\n" + process, () -> !process.isAlive())
              .until(() -> normaliser.normalise(process.stdout()).contains(normaliser.normalise(last).strip()));
        } else {
          process.finish();
        }
      }
      for (int n = 1; n <= steps.size(); n++) {
        Step step = steps.get(n - 1);
        step.command().forEach(line -> transcript.append(line).append('\n'));
        String output = fromFreePorts(processes.get(n - 1).stdout()).stripTrailing();
        if (!output.isEmpty()) {
          transcript.append(output).append('\n');
        }
        if (n < steps.size() && !step.shown().isEmpty() && step.shown().get(step.shown().size() - 1).isBlank()) {
          transcript.append('\n');
        }
      }
      return transcript.toString();
    } finally {
      started.forEach(Launched::close);
    }
  }

  /**
   * Runs the block as a shell script, one line at a time: a line ending in {@code &} keeps running in the
   * background (the next line waits until every {@code ports} stand-in accepts connections, as a person waits
   * for the server to come up); {@code #} lines are the output shown, not run. Returns what the lines printed.
   */
  String runScript() {
    List<Launched> started = new ArrayList<>();
    StringBuilder printed = new StringBuilder();
    try {
      for (String line : block.lines()) {
        String command = line.strip();
        if (command.isEmpty() || command.startsWith("#")) {
          continue;
        }
        if (command.endsWith("&")) {
          started.add(start(command.substring(0, command.length() - 1)));
          ports.values().forEach(DocSession::awaitListening);
        } else {
          try (Launched process = start(command)) {
            printed.append(fromFreePorts(process.finish().stdout()));
          }
        }
      }
      return printed.toString();
    } finally {
      started.forEach(Launched::close);
    }
  }

  private static void awaitListening(String port) {
    Awaitility.await("something to listen on port " + port).atMost(Launched.WAIT)
        .pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
          new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port)).close();
          return true;
        });
  }

  /** A command line as typed, its ports swapped for free ones, stderr joined to stdout (or alone: shows stderr). */
  Launched start(String commandLine) {
    String redirect = block.clause("shows").equals("stderr") ? "exec 2>&1 1>/dev/null; " : "exec 2>&1; ";
    return Launched.shell(copy.root(), redirect + toFreePorts(commandLine));
  }

  String toFreePorts(String text) {
    String result = text;
    for (Map.Entry<String, String> port : ports.entrySet()) {
      result = result.replaceAll("\\b" + port.getKey() + "\\b", port.getValue());
    }
    return result;
  }

  String fromFreePorts(String text) {
    String result = text;
    for (Map.Entry<String, String> port : ports.entrySet()) {
      result = result.replaceAll("\\b" + port.getValue() + "\\b", port.getKey());
    }
    return result;
  }

  private static String lastLine(List<String> shown) {
    for (int i = shown.size() - 1; i >= 0; i--) {
      if (!shown.get(i).isBlank()) {
        return shown.get(i);
      }
    }
    throw new IllegalStateException("a running command must show at least one line of output");
  }

  /** A port nothing holds right now (the OS picks it; it is free again once this socket closes). */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
