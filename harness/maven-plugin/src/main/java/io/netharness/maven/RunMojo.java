package io.netharness.maven;

import io.netharness.cli.NetHarness;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * Goal {@code run}: runs feature files with the NetHarness step library and the project's own glue, in the
 * {@code integration-test} phase. It prints what {@code netharness run} prints (a line per scenario, the failures
 * with what arrived, the summary) and writes the same reports, but does not fail the build: {@code verify} does,
 * after {@code post-integration-test} has stopped what was started, as failsafe does.
 *
 * <pre>{@code
 * <execution>
 *   <goals><goal>run</goal><goal>verify</goal></goals>
 *   <configuration>
 *     <features><feature>src/test/features</feature></features>
 *     <tags>not @slow</tags>
 *   </configuration>
 * </execution>
 * }</pre>
 */
// Not thread-safe: netharness run keeps the fault backend, Toxiproxy URL and seed in JVM-wide system properties, so
// two modules must not run scenarios at once in a parallel (-T) build.
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST,
    requiresDependencyResolution = ResolutionScope.TEST, threadSafe = false)
public final class RunMojo extends ScenarioMojo {
  /** Feature files or directories; {@code path:LINE} picks one scenario. Default: {@code src/test/features}. */
  @Parameter(property = "netharness.features")
  private List<String> features = new ArrayList<>();

  /** Only scenarios matching this tag expression, e.g. {@code @smoke and not @slow}. */
  @Parameter(property = "netharness.tags")
  private @Nullable String tags;

  /** Scenarios run in parallel. */
  @Parameter(property = "netharness.threads", defaultValue = "1")
  private int threads = 1;

  /** Packages of the project's own step definitions or hooks, found on its test class path. */
  @Parameter(property = "netharness.glue")
  private List<String> glue = new ArrayList<>();

  /** Where fault proxies run: {@code embedded}, {@code toxiproxy} (at {@code toxiproxyUrl}) or {@code testcontainers}. */
  @Parameter(property = "netharness.faults", defaultValue = "embedded")
  private String faults = "embedded";

  /** The Toxiproxy API for {@code faults=toxiproxy}; {@code proxy-start} sets the property to its own server. */
  @Parameter(property = "netharness.toxiproxy.url")
  private @Nullable String toxiproxyUrl;

  /** Seed for the embedded proxies' randomness, so a run can be replayed. */
  @Parameter(property = "netharness.seed")
  private @Nullable Long seed;

  /** Fail when no feature file is found, so a mistyped path does not pass silently. */
  @Parameter(property = "netharness.failIfNoFeatures", defaultValue = "true")
  private boolean failIfNoFeatures = true;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private @Nullable MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      getLog().info("NetHarness scenarios are skipped");
      return;
    }
    MavenProject project = requireProject();
    RunSettings settings = new RunSettings(project.getBasedir().toPath(), features, tags, threads, glue, faults,
        toxiproxyUrl, seed, reportDirectory.toPath(), failIfNoFeatures);
    List<File> featureFiles = settings.checked();
    RunResult.delete(settings.reportDirectory()); // verify must never read the result of an earlier build
    if (featureFiles.isEmpty()) {
      getLog().warn("No feature files in " + settings.featurePaths() + "; nothing to run (failIfNoFeatures=false)");
      RunResult.noFeatures().write(settings.reportDirectory());
      return;
    }
    List<String> argv = settings.argv(ProjectClasspath.glueClasspath(project));
    getLog().debug("netharness " + String.join(" ", argv));
    StringWriter errors = new StringWriter();
    int exitCode;
    // The CLI keeps the fault backend, Toxiproxy URL and seed in system properties: put them back afterwards.
    SystemProperties saved = SystemProperties.save(SystemProperties.RUN_SETTINGS);
    try {
      PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
      exitCode = NetHarness.commandLine(out, new PrintWriter(errors, true)).execute(argv.toArray(String[]::new));
      out.flush();
    } finally {
      saved.close();
    }
    String errorText = errors.toString().strip();
    if (exitCode == RunResult.BAD_INPUT) {
      throw new MojoFailureException("netharness:run could not run the features: " + errorText);
    }
    if (!errorText.isEmpty()) {
      errorText.lines().forEach(getLog()::warn);
    }
    RunResult.finished(exitCode).write(settings.reportDirectory());
  }

  private MavenProject requireProject() {
    if (project == null) {
      throw new IllegalStateException("no Maven project injected");
    }
    return project;
  }
}
