package io.netharness.cli.launcher;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What varies from run to run, replaced by a placeholder on both sides of a comparison: the directory the
 * command ran in, clock times, ports, durations. Counts, percentages, byte counts and texts stay as they are:
 * the runs are seeded, so those must match exactly.
 */
final class Normaliser {
  private record Rule(Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      // [22:32:12.931] (tcp/udp --timestamps)
      new Rule(Pattern.compile("\\[\\d{2}:\\d{2}:\\d{2}\\.\\d{3}]"), "[hh:mm:ss.mmm]"),
      // 127.0.0.1:40317, [::1]:40317, localhost:40317
      new Rule(Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+]|localhost):\\d{1,5}\\b"), "$1:PORT"),
      // 202 ms, 1043.3 ms, 0.851 s, 3.7 s
      new Rule(Pattern.compile("\\b\\d+(?:\\.\\d+)? (ms|s)\\b"), "N $1"),
      // columns padded to the width of a number that varies
      new Rule(Pattern.compile("(?<=\\S)  +"), " "));

  private final String root;

  /** @param root the directory the commands ran in: an absolute path under it is shown relative, as from the root */
  Normaliser(String root) {
    this.root = root.endsWith("/") ? root : root + "/";
  }

  String normalise(String text) {
    String result = text.replace(root, "");
    for (Rule rule : RULES) {
      result = rule.pattern().matcher(result).replaceAll(rule.replacement());
    }
    return result.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip() + "\n";
  }
}
