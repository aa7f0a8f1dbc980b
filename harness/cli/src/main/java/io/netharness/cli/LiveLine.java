package io.netharness.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

  /**
   * The line cut to the terminal's width, measured as a terminal shows it: colour codes take no room, East Asian
   * wide characters take two columns. A cut line ends with "…" and a colour reset.
   */
  String cut(String line) {
    int room = width - 1;
    StringBuilder shown = new StringBuilder();
    int used = 0;
    for (int i = 0; i < line.length(); ) {
      if (line.charAt(i) == '\u001B') {
        int end = line.indexOf('m', i);
        end = end < 0 ? line.length() - 1 : end;
        shown.append(line, i, end + 1);
        i = end + 1;
        continue;
      }
      int codePoint = line.codePointAt(i);
      int columns = columns(codePoint);
      // keep a column for "…" while more follows; the last character may use it
      int left = hasMoreVisible(line, i + Character.charCount(codePoint)) ? room - 1 : room;
      if (used + columns > left) {
        return shown.append('…').append("\u001B[0m").toString();
      }
      shown.appendCodePoint(codePoint);
      used += columns;
      i += Character.charCount(codePoint);
    }
    return shown.toString();
  }

  private static boolean hasMoreVisible(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      if (line.charAt(i) == '\u001B') {
        int end = line.indexOf('m', i);
        i = end < 0 ? line.length() : end;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Columns a code point takes in a terminal: 2 for East Asian wide and fullwidth forms and emoji, else 1. */
  static int columns(int codePoint) {
    boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
        || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
        || (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
        || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
        || (codePoint >= 0x1F900 && codePoint <= 0x1F9FF) || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    return wide ? 2 : 1;
  }

  /** The terminal's width: {@code COLUMNS} if exported, else what {@code stty size} says of the terminal, else 80. */
  static int terminalWidth() {
    try {
      String columns = System.getenv("COLUMNS");
      if (columns != null && !columns.isBlank()) {
        return Integer.parseInt(columns.strip());
      }
    } catch (NumberFormatException e) {
      // fall through to stty
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
          .redirectErrorStream(true).start();
      if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
        String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        int columns = answer.matches("\\d+ \\d+") ? Integer.parseInt(answer.split(" ")[1]) : 0;
        if (columns > 0) { // a terminal whose size was never set says "0 0"
          return columns;
        }
      } else {
        stty.destroyForcibly();
      }
    } catch (IOException | RuntimeException e) {
      // no stty or no terminal (Windows, a pipe): the default
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 80;
  }
}
