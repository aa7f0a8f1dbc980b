package io.netharness.cli.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced block of a markdown file that shows real output, marked by an HTML comment on the line before it:
 *
 * <pre>{@code
 * <!-- doc-output: ports 18474 17001; running 1 -->
 * ```
 * $ ./netharness proxy --port 18474 ...
 * ...
 * ```
 * }</pre>
 *
 * The comment holds {@code ;}-separated clauses, each a word and its value (see docs/architecture.md,
 * "Documentation that cannot drift"). {@code lines} are the block's lines between the fences.
 *
 * @param fenceLine the 0-based index of the opening fence in the file
 */
record DocBlock(Path file, int fenceLine, Map<String, String> clauses, List<String> lines) {
  static final String MARKER = "<!-- doc-output";
  private static final Pattern COMMENT = Pattern.compile("^<!--\\s*doc-output(?::(.*?))?\\s*-->\\s*$");

  /** Every marked block of a markdown file, in order. */
  static List<DocBlock> in(Path markdown) {
    List<String> text = read(markdown);
    List<DocBlock> blocks = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      Matcher marker = COMMENT.matcher(text.get(i).strip());
      if (!marker.matches()) {
        continue;
      }
      int fence = i + 1;
      if (fence >= text.size() || !text.get(fence).startsWith("```")) {
        throw new IllegalStateException(markdown + ":" + (i + 1) + ": a doc-output marker must sit right above a ``` block");
      }
      int close = fence + 1;
      while (close < text.size() && !text.get(close).startsWith("```")) {
        close++;
      }
      String clauses = marker.group(1) == null ? "" : marker.group(1);
      blocks.add(new DocBlock(markdown, fence, clauses(clauses), List.copyOf(text.subList(fence + 1, close))));
    }
    return blocks;
  }

  /** {@code ports 18474 17001; running 1} → {ports=18474 17001, running=1}; a bare word maps to "". */
  static Map<String, String> clauses(String text) {
    Map<String, String> clauses = new LinkedHashMap<>();
    for (String clause : text.split(";")) {
      String c = clause.strip();
      if (c.isEmpty()) {
        continue;
      }
      int space = c.indexOf(' ');
      clauses.put(space < 0 ? c : c.substring(0, space), space < 0 ? "" : c.substring(space + 1).strip());
    }
    return clauses;
  }

  boolean has(String clause) {
    return clauses.containsKey(clause);
  }

  String clause(String name) {
    return clauses.getOrDefault(name, "");
  }

  String text() {
    return String.join("\n", lines) + "\n";
  }

  /** {@code README.md:63}, 1-based, at the opening fence. */
  String where() {
    return RepositoryCopy.repositoryRoot().relativize(file) + ":" + (fenceLine + 1);
  }

  @Override
  public String toString() {
    return where();
  }

  /** Replaces this block's lines in its file with {@code newText} (used by scripts/regenerate-doc-output). */
  void rewrite(String newText) {
    List<String> text = new ArrayList<>(read(file));
    int from = fenceLine + 1;
    text.subList(from, from + lines.size()).clear();
    text.addAll(from, newText.stripTrailing().lines().dropWhile(String::isBlank).toList());
    try {
      Files.writeString(file, String.join("\n", text) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
