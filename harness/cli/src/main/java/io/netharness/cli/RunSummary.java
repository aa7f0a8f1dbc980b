package io.netharness.cli;

import io.cucumber.plugin.event.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts scenarios and steps by outcome, thread-safely, and prints the end-of-run summary. */
final class RunSummary {
  private final Map<Status, Integer> scenarios = new EnumMap<>(Status.class);
  private final Map<Status, Integer> steps = new EnumMap<>(Status.class);
  private final List<String> unsuccessful = new ArrayList<>();

  synchronized void countScenario(Status status, String description) {
    scenarios.merge(status, 1, Integer::sum);
    if (status != Status.PASSED && status != Status.SKIPPED) {
      unsuccessful.add(description);
    }
  }

  synchronized void countStep(Status status) {
    steps.merge(status, 1, Integer::sum);
  }

  synchronized void print(PrintWriter out, Style style, Duration elapsed, Path reportDir) {
    out.println();
    if (!unsuccessful.isEmpty()) {
      out.println(style.bold("Unsuccessful scenarios:"));
      unsuccessful.stream().sorted().forEach(line -> out.println("  " + style.red(line)));
      out.println();
    }
    out.println("Scenarios: " + counts(scenarios, style));
    out.println("Steps:     " + counts(steps, style));
    out.println("Time:      " + String.format(Locale.ROOT, "%.3f s", elapsed.toMillis() / 1000.0));
    out.println("Reports:   " + reportDir.resolve(FeatureRunner.HTML) + ", " + FeatureRunner.JUNIT + ", "
        + FeatureRunner.JSON + ", " + FeatureRunner.MESSAGES);
  }

  private static String counts(Map<Status, Integer> byStatus, Style style) {
    int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    int passed = byStatus.getOrDefault(Status.PASSED, 0);
    int failed = byStatus.getOrDefault(Status.FAILED, 0);
    int skipped = byStatus.getOrDefault(Status.SKIPPED, 0);
    StringBuilder text = new StringBuilder()
        .append(passed > 0 ? style.green(passed + " passed") : passed + " passed").append(", ")
        .append(failed > 0 ? style.red(failed + " failed") : failed + " failed").append(", ")
        .append(skipped).append(" skipped");
    for (Status other : List.of(Status.UNDEFINED, Status.PENDING, Status.AMBIGUOUS)) {
      int count = byStatus.getOrDefault(other, 0);
      if (count > 0) {
        text.append(", ").append(style.yellow(count + " " + other.name().toLowerCase(Locale.ROOT)));
      }
    }
    return text.append(" (").append(total).append(" total)").toString();
  }
}
