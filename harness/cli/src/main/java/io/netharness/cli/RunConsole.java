package io.netharness.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's progress goes. Cucumber creates plugins from class names, so {@link ProgressReporter} gets
 * this object by the id passed as its plugin argument rather than through a constructor.
 */
final class RunConsole {
  private static final Map<String, RunConsole> CONSOLES = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT_ID = new AtomicLong();

  private final PrintWriter out;
  private final Style style;
  private final Path reportDir;
  private final boolean live;
  private final AtomicInteger expectedScenarios = new AtomicInteger();
  private volatile @Nullable LiveLine liveLine;

  RunConsole(PrintWriter out, Style style, Path reportDir, boolean live) {
    this.out = out;
    this.style = style;
    this.reportDir = reportDir;
    this.live = live;
  }

  /** Whether a live "scenario n of N, current step" line is drawn (a terminal, or --progress live). */
  boolean live() {
    return live;
  }

  /** How many scenarios the run will start, counted by a dry run first; 0 when not counted. */
  int expectedScenarios() {
    return expectedScenarios.get();
  }

  void expectScenario() {
    expectedScenarios.incrementAndGet();
  }

  /** The live line being drawn, so that other output can clear it first. */
  void showing(@Nullable LiveLine line) {
    this.liveLine = line;
  }

  /** Removes the live line, if one is drawn, before something else is printed. */
  void clearLiveLine() {
    LiveLine line = liveLine;
    if (line != null) {
      line.clear();
    }
  }

  /**
   * {@code stream} with the live line cleared before each write: for System.out and System.err while a run draws
   * one, so that what steps print starts on a line of its own.
   */
  PrintStream clearingLiveLine(PrintStream stream) {
    return new PrintStream(new FilterOutputStream(stream) {
      @Override
      public void write(int b) throws IOException {
        clearLiveLine();
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        clearLiveLine();
        out.write(b, off, len);
      }
    }, true);
  }

  PrintWriter out() {
    return out;
  }

  Style style() {
    return style;
  }

  Path reportDir() {
    return reportDir;
  }

  static Registration register(RunConsole console) {
    String id = "run-" + NEXT_ID.incrementAndGet();
    CONSOLES.put(id, console);
    return new Registration(id);
  }

  static RunConsole lookup(String id) {
    RunConsole console = CONSOLES.get(id);
    if (console == null) {
      throw new IllegalArgumentException(ProgressReporter.class.getName()
          + " is started by 'netharness run'; no run is registered under '" + id + "'");
    }
    return console;
  }

  /** Unregisters the console when the run ends. */
  record Registration(String id) implements AutoCloseable {
    @Override
    public void close() {
      CONSOLES.remove(id);
    }
  }
}
