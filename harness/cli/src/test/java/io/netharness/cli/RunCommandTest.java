package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunCommandTest {
  private static final String GLUE = "io.netharness.cli.testglue";

  @TempDir Path reports;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void a_passing_feature_exits_zero_prints_progress_and_summary_and_writes_all_reports() {
    int exit = netharness("run", features("passing"), "--glue", GLUE, "--report-dir", reports.toString());

    assertThat(exit).as(err.toString()).isEqualTo(0);
    assertThat(out.toString())
        .contains("✔ The greeting is what was set")
        .contains("passing/greeting.feature:3")
        .contains("Scenarios: 1 passed, 0 failed, 0 skipped (1 total)")
        .contains("Steps:     2 passed");
    assertThat(reports.resolve("report.html")).isNotEmptyFile();
    assertThat(reports.resolve("junit.xml")).content().contains("<testsuite").contains("The greeting is what was set");
    assertThat(reports.resolve("cucumber.json")).content().contains("\"name\":\"The greeting is what was set\"");
    assertThat(reports.resolve("cucumber.ndjson")).content().contains("testRunFinished");
  }

  @Test
  void out_is_an_alias_of_report_dir_as_in_explore() {
    int exit = netharness("run", features("passing"), "--glue", GLUE, "--out", reports.toString());

    assertThat(exit).as(err.toString()).isEqualTo(0);
    assertThat(reports.resolve("junit.xml")).isNotEmptyFile();
  }

  @Test
  void a_failing_feature_exits_non_zero_and_names_the_failing_step_and_its_error() {
    int exit = netharness("run", features("failing"), "--glue", GLUE, "--report-dir", reports.toString());

    assertThat(exit).isEqualTo(ExitCodes.FAILED);
    assertThat(out.toString())
        .contains("✘ The greeting is checked against the wrong text")
        .contains("Step Then the greeting is \"goodbye\" (line 5) failed:")
        .contains("expected greeting \"goodbye\" but was \"hello\"")
        .contains("Step Given a step that no glue defines (line 8) is undefined")
        .contains("Scenarios: 0 passed, 1 failed, 0 skipped, 1 undefined (2 total)");
    assertThat(reports.resolve("junit.xml")).content().contains("<failure");
  }

  @Test
  void a_path_that_does_not_exist_gets_one_clear_line_and_a_usage_exit_code() {
    int exit = netharness("run", "no/such/features", "--report-dir", reports.toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().strip())
        .startsWith("netharness run: feature path 'no/such/features' does not exist")
        .contains("pass an existing .feature file or directory")
        .doesNotContain("Exception", "\tat ")
        .hasLineCount(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void an_invalid_tag_expression_names_the_tags_option_and_how_to_write_one() {
    int exit = netharness("run", features("passing"), "--tags", "@smoke and", "--report-dir", reports.toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--tags '@smoke and' is not a valid tag expression").contains("'@smoke and not @slow'");
  }

  @Test
  void threads_below_one_are_rejected_with_an_example() {
    int exit = netharness("run", features("passing"), "--threads", "0");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--threads must be at least 1, got 0; pass e.g. --threads 4");
  }

  @Test
  void tags_select_scenarios_and_parallel_threads_still_report_every_scenario() {
    int exit = netharness("run", features("failing"), features("passing"), "--glue", GLUE, "--threads", "3",
        "--tags", "not @never", "--report-dir", reports.toString());

    assertThat(exit).isEqualTo(ExitCodes.FAILED);
    assertThat(out.toString()).contains("Scenarios: 1 passed, 1 failed, 0 skipped, 1 undefined (3 total)");
  }

  @Test
  void live_progress_shows_scenario_n_of_n_and_the_running_step_then_clears_it_before_each_scenario_line() {
    int exit = netharness("run", features("passing"), "--glue", GLUE, "--progress", "live",
        "--report-dir", reports.toString());

    assertThat(exit).as(err.toString()).isEqualTo(0);
    String shown = out.toString();
    assertThat(shown)
        .contains("\r[1/1] The greeting is what was set › Given the greeting \"hello\"\u001B[K")
        .contains("\r[1/1] The greeting is what was set › Then the greeting is \"hello\"\u001B[K")
        .contains("\r\u001B[K✔ The greeting is what was set");
    assertThat(shown.indexOf("Scenarios: 1 passed")).isGreaterThan(shown.lastIndexOf("\u001B[K"));
  }

  @Test
  void what_a_step_prints_clears_the_live_line_first() {
    PrintWriter screen = new PrintWriter(out, true);
    PrintStream realOut = System.out;
    // System.out and the progress output share one screen, as on a terminal
    System.setOut(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (screen) {
          screen.write(new String(b, off, len, StandardCharsets.UTF_8));
          screen.flush();
        }
      }
    }, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = NetHarness.commandLine(screen, new PrintWriter(err, true)).execute("run", features("printing"), "--glue", GLUE,
          "--progress", "live", "--report-dir", reports.toString());
    } finally {
      System.setOut(realOut);
    }

    assertThat(exit).as(err.toString()).isEqualTo(0);
    assertThat(out.toString()).contains("› Then the greeting is printed\u001B[K\r\u001B[Kgreeting: hello");
  }

  @Test
  void plain_progress_never_redraws_a_line() {
    int exit = netharness("run", features("passing"), "--glue", GLUE, "--progress", "plain",
        "--report-dir", reports.toString());

    assertThat(exit).isEqualTo(0);
    assertThat(out.toString()).doesNotContain("\r", "\u001B[K").contains("✔ The greeting is what was set");
  }

  @Test
  void an_unknown_progress_mode_names_the_choices() {
    assertThat(netharness("run", features("passing"), "--progress", "fancy")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--progress must be auto, live or plain, not 'fancy'");
  }

  @Test
  void version_and_help_describe_the_tool_and_the_run_command() {
    assertThat(netharness("--version")).isEqualTo(0);
    assertThat(out.toString()).startsWith("netharness ").doesNotContain("${project.version}");

    assertThat(netharness("run", "--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--tags=EXPR", "--report-dir=DIR", "--threads=N", "--glue=PACKAGE", "Exit codes:");
  }

  private int netharness(String... args) {
    return NetHarness.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  private static String features(String folder) {
    try {
      Path path = Path.of(RunCommandTest.class.getResource("/features/" + folder).toURI());
      assertThat(Files.isDirectory(path)).isTrue();
      return path.toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUnknownFaultBackendIsRefusedNamingTheOption() {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new NetHarness());
    cli.setErr(new java.io.PrintWriter(err, true));
    org.assertj.core.api.Assertions.assertThat(cli.execute("run", "--faults", "chaos")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(err.toString()).contains("--faults must be embedded, toxiproxy or testcontainers");
  }
}
