package io.netharness.cli.explore;

/** Escaping for text and attribute values in HTML and SVG. */
final class Html {
  private Html() {}

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
