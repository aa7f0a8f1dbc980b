package io.netharness.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * The streams the debugging assistant talks through: stdin lines go on the wire, received bytes go to
 * {@code out}, connection events to {@code err}. Injected so tests never touch {@code System.in/out}.
 *
 * @param terminalCharset how stdin text is decoded and status lines are encoded
 */
record Stdio(InputStream in, OutputStream out, OutputStream err, Charset terminalCharset) {

  /** The real process streams, unbuffered so nothing waits in a buffer when a pipe is read. */
  static Stdio system() {
    return new Stdio(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
        new FileOutputStream(FileDescriptor.err), Terminal.stdoutCharset());
  }
}
