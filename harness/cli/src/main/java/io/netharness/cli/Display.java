package io.netharness.cli;

import io.netharness.HarnessException;
import io.netharness.payload.Encodings;
import io.netharness.payload.HexDump;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Where the debugging assistant's output goes. Received bytes go to stdout raw (so it can stand in for
 * {@code nc}) or, in labelled mode, one decoded line per message: {@code [12:00:01.234] client 1 <- hi};
 * with --hex a hexdump with offsets. Connection events go to stderr (stdout with --verbose), unless --quiet.
 */
final class Display implements AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final Stdio io;
  private final AssistantOptions options;
  private final boolean labelled;
  private final @Nullable OutputStream save;

  /** @param labelled show each message on its own labelled line even without --timestamps/--hex */
  Display(Stdio io, AssistantOptions options, boolean labelled) {
    this.io = io;
    this.options = options;
    this.labelled = labelled || options.timestamps || options.hex;
    this.save = options.save == null ? null : openForAppend(options);
  }

  /** A connection event such as {@code [client 1 127.0.0.1:5555 connected]}; hidden by --quiet. */
  void status(String text) {
    if (!options.quiet) {
      line(options.verbose ? io.out() : io.err(), text);
    }
  }

  /** A line that is shown even with --quiet (errors, and the address a listener got). */
  void error(String text) {
    line(io.err(), text);
  }

  void received(@Nullable String peer, byte[] bytes) {
    appendToSave(bytes);
    if (labelled) {
      message(peer, "<-", bytes);
    } else {
      write(io.out(), bytes);
    }
  }

  /** What was sent; shown only in the log modes (--timestamps, --hex), where the direction matters. */
  void sent(@Nullable String peer, byte[] bytes) {
    if (options.timestamps || options.hex) {
      message(peer, "->", bytes);
    }
  }

  private void message(@Nullable String peer, String arrow, byte[] bytes) {
    StringBuilder head = new StringBuilder();
    if (options.timestamps) {
      head.append('[').append(LocalTime.now().format(TIME)).append("] ");
    }
    if (peer != null) {
      head.append(peer).append(' ');
    }
    head.append(arrow);
    Charset charset = options.charset();
    if (options.hex) {
      line(io.out(), head + " " + bytes.length + (bytes.length == 1 ? " byte" : " bytes") + "\n"
          + HexDump.of(bytes, charset).indent(2).stripTrailing());
    } else {
      line(io.out(), head + " " + printable(Encodings.decodeLenient(bytes, charset)));
    }
  }

  /** The text without its final line ending, other control characters escaped so they cannot upset the terminal. */
  static String printable(String text) {
    String body = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f)) {
        out.append(c);
      } else if (c == '\r') {
        out.append("\\r");
      } else {
        out.append(String.format("\\x%02x", (int) c));
      }
    }
    return out.toString();
  }

  private void line(OutputStream stream, String text) {
    write(stream, (text + System.lineSeparator()).getBytes(io.terminalCharset()));
  }

  private synchronized void write(OutputStream stream, byte[] bytes) {
    try {
      stream.write(bytes);
      stream.flush();
    } catch (IOException e) {
      // stdout closed (e.g. `| head`): nothing left to show it to
    }
  }

  private synchronized void appendToSave(byte[] bytes) {
    if (save == null) {
      return;
    }
    try {
      save.write(bytes);
      save.flush();
    } catch (IOException e) {
      throw new HarnessException("cannot append to --save " + options.save + ": " + e.getMessage(), e);
    }
  }

  private static OutputStream openForAppend(AssistantOptions options) {
    try {
      return Files.newOutputStream(options.save, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new HarnessException("cannot open --save " + options.save + " for appending: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (save != null) {
      try {
        save.close();
      } catch (IOException e) {
        // all bytes were flushed after each write
      }
    }
  }
}
