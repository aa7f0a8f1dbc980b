package io.netharness.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goal {@code verify}: fails the build when a scenario of {@code run} failed, with each failed scenario's step and
 * message (the hexdump of what arrived) and no stack trace. Runs in the {@code verify} phase, after
 * {@code post-integration-test} has stopped the servers the tests needed.
 *
 * <pre>{@code
 * <execution>
 *   <goals><goal>run</goal><goal>verify</goal></goals>
 * </execution>
 * }</pre>
 *
 * <p>{@code -Dnetharness.testFailureIgnore=true} reports the failures as a warning and lets the build go on.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends ScenarioMojo {
  /** Report failed scenarios as a warning instead of failing the build. */
  @Parameter(property = "netharness.testFailureIgnore", defaultValue = "false")
  private boolean testFailureIgnore;

  @Override
  public void execute() throws MojoFailureException {
    if (skipped()) {
      return;
    }
    Path reports = reportDirectory.toPath();
    RunResult result = RunResult.read(reports);
    if (result == null) {
      throw new MojoFailureException("netharness:verify found no result in " + reports + "; add the run goal to the"
          + " same execution (<goals><goal>run</goal><goal>verify</goal></goals>) or set <skip>true</skip>");
    }
    if (result.passed()) {
      return;
    }
    Path junit = reports.resolve("junit.xml");
    FailedScenarios failed = Files.isRegularFile(junit) ? FailedScenarios.read(junit) : null;
    String failures = failed == null || failed.failures().isEmpty()
        ? "run failed; netharness:run's output above says which scenarios and why"
        : failed.describe();
    String message = "NetHarness " + failures + "\n\nReports: " + reports.resolve("report.html");
    if (testFailureIgnore) {
      message.lines().forEach(getLog()::warn);
      return;
    }
    throw new MojoFailureException(message);
  }
}
