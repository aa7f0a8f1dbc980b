package io.netharness.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
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

  /** How many scenarios the run will start ({@link ScenarioCount}); 0 when it cannot tell. */
  int expectedScenarios() {
    return expectedScenarios.get();
  }

  void expectScenarios(int count) {
    expectedScenarios.set(count);
  }

  /** The live line being drawn, so that other output can clear it first. */
  void showing(@Nullable LiveLine line) {
    this.liveLine = line;
  }

  void refreshLiveLine() {
    LiveLine line = liveLine;
    if (line != null) {
      line.refresh();
    }
  }

  /** Removes the live line, if one is drawn, so that a whole line can be printed; call under {@link #out()}'s lock. */
  void clearLiveLine() {
    LiveLine line = liveLine;
    if (line != null) {
      line.clear();
    }
  }

  /** Stops the live line for good (the run is over, or failed). */
  void stopLiveLine() {
    LiveLine line = liveLine;
    liveLine = null;
    if (line != null) {
      line.close();
    }
  }

  /**
   * {@code stream} with the live line cleared before each write, in one step under the progress output's lock (the
   * lock the live line is drawn under): for System.out and System.err while a run draws one, so that what steps
   * print starts on a line of its own.
   */
  PrintStream clearingLiveLine(PrintStream stream, Charset charset) {
    return new PrintStream(new FilterOutputStream(stream) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        synchronized (RunConsole.this.out) {
          LiveLine line = liveLine;
          if (line != null) {
            line.clear();
          }
          stream.write(b, off, len);
          stream.flush();
        }
      }
    }, true, charset);
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
