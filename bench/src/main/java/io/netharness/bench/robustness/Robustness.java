package io.netharness.bench.robustness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault proxy's robustness suite: each check against a fresh child JVM serving the admin API
 * (as {@code netharness proxy} does), on loopback only, bounded in time (about 3 minutes), seeded.
 * Prints a Markdown table; exits 1 if any check failed. Run with {@code bench/robustness.sh}.
 *
 * <pre>{@code
 * bench/robustness.sh                         # everything
 * bench/robustness.sh -Drobustness.only=fuzz  # fuzz, extremes, loops, fds, churn or slicer
 * }</pre>
 */
public final class Robustness {
  private Robustness() {}

  @FunctionalInterface
  private interface Check {
    Finding run(Target target) throws Exception;
  }

  public static void main(String[] args) {
    String only = System.getProperty("robustness.only", "all");
    long seed = Long.getLong("robustness.seed", 1);
    int fuzz = Integer.getInteger("robustness.requests", 6000);
    int changes = Integer.getInteger("robustness.changes", 2000);
    List<Finding> findings = new ArrayList<>();
    run(findings, only, "fuzz", List.of(), t -> new ApiFuzz(t, seed).run(fuzz));
    run(findings, only, "extremes", List.of(), Extremes::run);
    run(findings, only, "loops", List.of("prlimit", "--nofile=1024:1024"), Loops::run);
    run(findings, only, "fds", List.of("prlimit", "--nofile=256:256"), FdExhaustion::run);
    run(findings, only, "churn", List.of(), t -> Churn.run(t, 50, changes, seed));
    run(findings, only, "slicer", List.of(), t -> SlicerLoad.run(t, 50, Duration.ofSeconds(20)));
    System.out.println();
    System.out.println("| check | result | what happened |");
    System.out.println("|---|---|---|");
    for (Finding f : findings) {
      System.out.println("| " + f.check() + " | " + (f.passed() ? "pass" : "**FAIL**") + " | " + f.summary() + " |");
    }
    System.exit(findings.stream().allMatch(Finding::passed) ? 0 : 1);
  }

  private static void run(List<Finding> findings, String only, String name, List<String> launcher, Check check) {
    if (!only.equals("all") && !only.equals(name)) {
      return;
    }
    long start = System.nanoTime();
    System.out.println("running " + name + " ...");
    try (Target target = Target.child(launcher)) {
      Finding f = check.run(target);
      findings.add(f);
      System.out.printf("%s (%.1f s): %s%n", f.passed() ? "pass" : "FAIL", (System.nanoTime() - start) / 1e9, f.summary());
    } catch (Exception | AssertionError e) {
      findings.add(new Finding(name, false, "the check itself failed: " + e));
      System.out.println("FAIL: " + e);
    }
  }
}
