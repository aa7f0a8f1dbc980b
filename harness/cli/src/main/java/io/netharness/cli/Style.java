package io.netharness.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** How progress lines look: ANSI colour on or off, and Unicode marks or ASCII ones. */
record Style(boolean colour, String passMark, String failMark, String skipMark, String warnMark) {

  static final Style PLAIN_UNICODE = of(false, StandardCharsets.UTF_8);

  static Style of(boolean colour, Charset charset) {
    boolean unicode = charset.newEncoder().canEncode("✔✘");
    return unicode
        ? new Style(colour, "✔", "✘", "↷", "?")
        : new Style(colour, "+", "x", "-", "?");
  }

  String green(String text) {
    return paint("32", text);
  }

  String red(String text) {
    return paint("31", text);
  }

  String yellow(String text) {
    return paint("33", text);
  }

  String cyan(String text) {
    return paint("36", text);
  }

  String dim(String text) {
    return paint("2", text);
  }

  String bold(String text) {
    return paint("1", text);
  }

  private String paint(String code, String text) {
    return colour ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
  }
}
