package io.netharness.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code run} and {@code verify} share: where the reports go, and the switches that skip both — the plugin's
 * own {@code netharness.skip}, and {@code skipITs}/{@code skipTests} as failsafe honours them.
 *
 * <pre>{@code
 * mvn verify -Dnetharness.skip        # neither run nor verify
 * }</pre>
 */
abstract class ScenarioMojo extends AbstractMojo {
  /** Where {@code run} writes its reports (HTML, JUnit XML, Cucumber JSON/NDJSON) and {@code verify} reads them. */
  @Parameter(property = "netharness.reportDirectory", defaultValue = "${project.build.directory}/netharness")
  protected File reportDirectory = new File("target/netharness");

  /** Skips {@code run} and {@code verify}. */
  @Parameter(property = "netharness.skip", defaultValue = "false")
  private boolean skip;

  /** Honoured like failsafe does: {@code -DskipITs} or {@code -DskipTests} skip the scenarios too. */
  @Parameter(property = "skipITs", defaultValue = "false")
  private boolean skipITs;

  @Parameter(property = "skipTests", defaultValue = "false")
  private boolean skipTests;

  /** Whether one of the skip switches is on. */
  protected boolean skipped() {
    return skip || skipITs || skipTests;
  }
}
