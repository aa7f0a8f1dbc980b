package io.netharness.cli;

import io.netharness.HarnessException;
import io.netharness.payload.Encodings;
import io.netharness.payload.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * Reads stdin a line at a time and turns each line into the bytes to send: hex with --hex, else the text
 * re-encoded from the terminal's charset into --encoding plus the line ending. A last line without a
 * newline is sent as typed, without an ending, as {@code nc} does.
 */
final class LineInput {
  private final InputStream in;
  private final Charset terminal;
  private final AssistantOptions options;

  LineInput(Stdio io, AssistantOptions options) {
    this.in = io.in();
    this.terminal = io.terminalCharset();
    this.options = options;
  }

  /** Calls {@code onLine} with each line's text (without its newline) and whether it had one, until EOF. */
  void forEachLine(LineHandler onLine) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int b; (b = in.read()) != -1; ) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          line.reset();
          if (!onLine.handle(new String(bytes, 0, length, terminal), true)) {
            return;
          }
        } else {
          line.write(b);
        }
      }
      if (line.size() > 0) {
        onLine.handle(line.toString(terminal), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin: " + e.getMessage(), e);
    }
  }

  /** The bytes to send for one line; a bad hex line or an unencodable character is reported, not sent. */
  byte[] encode(String text, boolean terminated) {
    if (options.hex) {
      return Hex.parse(text);
    }
    return Encodings.encodeStrict(terminated ? text + options.lineEnding.text : text, options.charset());
  }

  /** Reads lines and hands each one's bytes to {@code send}; errors in a line are shown and the next line read. */
  void sendEachLine(Display display, Consumer<byte[]> send) {
    forEachLine((text, terminated) -> {
      if (options.hex && text.isBlank()) {
        return true;
      }
      byte[] bytes;
      try {
        bytes = encode(text, terminated);
      } catch (HarnessException e) {
        display.error(e.getMessage() + " (line not sent)");
        return true;
      }
      send.accept(bytes);
      return true;
    });
  }

  /** One line of stdin; returns false to stop reading. */
  @FunctionalInterface
  interface LineHandler {
    boolean handle(String text, boolean terminated);
  }
}
