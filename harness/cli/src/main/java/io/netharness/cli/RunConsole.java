package io.netharness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

  RunConsole(PrintWriter out, Style style, Path reportDir) {
    this.out = out;
    this.style = style;
    this.reportDir = reportDir;
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
