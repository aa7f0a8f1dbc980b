package io.netharness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one line at the bottom of a terminal that {@code netharness run} rewrites while scenarios run
 * ({@code [12/62] 14s Bandwidth 64 KB/s › When the client sends 1 MiB}). Other output clears it first, so it
 * never mixes with the scenario lines; it is refreshed once a second so a long step shows that it is alive.
 * Writes under the output's lock, the lock the scenario lines are printed under.
 */
final class LiveLine implements AutoCloseable {
  private static final String CLEAR_TO_END = "\u001B[K";

  private final PrintWriter out;
  private final int width;
  private final Supplier<String> text;
  private final ScheduledExecutorService ticker;
  private boolean shown;
  private volatile boolean closed;

  /** Starts refreshing {@code text} on {@code out}, cut to {@code width} columns. */
  LiveLine(PrintWriter out, int width, Supplier<String> text) {
    this.out = out;
    this.width = Math.max(20, width);
    this.text = text;
    this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "netharness-live-line");
      thread.setDaemon(true);
      return thread;
    });
    this.ticker.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.SECONDS);
  }

  /** Redraws the line now. */
  void refresh() {
    synchronized (out) {
      if (closed) {
        return;
      }
      String line = text.get();
      if (line.isEmpty()) {
        clear();
        return;
      }
      out.print("\r" + cut(line) + CLEAR_TO_END);
      out.flush();
      shown = true;
    }
  }

  /** Removes the line so that the caller can print a whole line; call under the output's lock. */
  void clear() {
    synchronized (out) {
      if (shown) {
        out.print("\r" + CLEAR_TO_END);
        out.flush();
        shown = false;
      }
    }
  }

  @Override
  public void close() {
    synchronized (out) {
      clear();
      closed = true;
    }
    ticker.shutdownNow();
  }

  private String cut(String line) {
    int columns = width - 1;
    if (line.codePointCount(0, line.length()) <= columns) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, columns - 1)) + "…";
  }

  /** Terminal width from {@code COLUMNS}, else 100. */
  static int terminalWidth() {
    try {
      String columns = System.getenv("COLUMNS");
      return columns == null ? 100 : Integer.parseInt(columns.strip());
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
