package io.netharness.cli;

import java.io.Console;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the real process's stdout can show: colour, and which charset it speaks. */
final class Terminal {
  private Terminal() {}

  static PrintWriter stdout() {
    return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset("stdout.encoding")), true);
  }

  static PrintWriter stderr() {
    return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset("stderr.encoding")), true);
  }

  /** Style for the real stdout: colour only on a terminal and when NO_COLOR is unset. */
  static Style detectStyle() {
    return Style.of(isTerminal() && colourAllowed(System.getenv()), charset("stdout.encoding"));
  }

  /** Whether stdout is a terminal that can redraw a line (not TERM=dumb). */
  static boolean isInteractive(Map<String, String> env) {
    return isTerminal() && !"dumb".equals(env.get("TERM"));
  }

  static boolean colourAllowed(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** The charset the terminal speaks, for status lines and for text typed on stdin. */
  static Charset stdoutCharset() {
    return charset("stdout.encoding");
  }

  static Charset stderrCharset() {
    return charset("stderr.encoding");
  }

  private static Charset charset(String property) {
    for (String name : new String[] {property, "sun." + property, "native.encoding"}) {
      String value = System.getProperty(name);
      if (value != null && Charset.isSupported(value)) {
        return Charset.forName(value);
      }
    }
    return StandardCharsets.UTF_8;
  }
}
