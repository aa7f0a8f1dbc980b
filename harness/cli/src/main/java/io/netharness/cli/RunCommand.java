package io.netharness.cli;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netharness run}: checks the arguments, runs the features, returns the exit code. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Run feature files with the NetHarness step library.",
      "Prints a line per finished scenario and a summary, writes HTML, JUnit XML, Cucumber JSON and",
      "message (NDJSON) reports, and exits 0 only when every scenario passed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every scenario passed",
      "1:a scenario failed, or a step was undefined, pending or ambiguous",
      "2:bad input (unknown option, missing path, invalid tag expression, unreadable feature)"
    })
final class RunCommand implements Callable<Integer> {
  private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
  private static final Pattern LINE_SUFFIX = Pattern.compile("(:\\d+)+$");

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", defaultValue = "features",
      description = "Feature files or directories (default: ${DEFAULT-VALUE}). Append :LINE to pick a scenario.")
  private List<String> paths = new ArrayList<>();

  @Option(names = {"-g", "--glue"}, paramLabel = "PACKAGE",
      description = "Extra package with step definitions or hooks; repeatable. " + FeatureRunner.BUILT_IN_GLUE + " is always used.")
  private List<String> glue = new ArrayList<>();

  @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH",
      description = "Jars or class folders holding the --glue packages; repeatable or joined with ':' (';' on Windows).")
  private List<String> classpath = new ArrayList<>();

  @Option(names = {"-t", "--tags"}, paramLabel = "EXPR", description = "Only scenarios matching this tag expression, e.g. '@smoke and not @slow'.")
  private @Nullable String tags;

  @Option(names = {"--report-dir", "--out"}, paramLabel = "DIR", defaultValue = "target/netharness",
      description = "Where report.html, junit.xml, cucumber.json and cucumber.ndjson go (default: ${DEFAULT-VALUE}).")
  private Path reportDir = Path.of("target/netharness");

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Scenarios run in parallel (default: ${DEFAULT-VALUE}).")
  private int threads = 1;

  @Option(names = "--dry-run", description = "Check that every step has a definition without running any.")
  private boolean dryRun;

  @Option(names = "--faults", paramLabel = "BACKEND",
      description = "Where fault proxies run: embedded (default), toxiproxy (a server at --toxiproxy-url) or testcontainers (Docker).")
  private @Nullable String faults;

  @Option(names = "--toxiproxy-url", paramLabel = "URL", description = "Toxiproxy API for --faults toxiproxy (default: http://127.0.0.1:8474).")
  private @Nullable String toxiproxyUrl;

  @Option(names = "--seed", description = "Seed for the embedded proxies' randomness, so a run can be replayed.")
  private @Nullable Long seed;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "live: a line showing scenario n of N and the current step; plain: finished scenarios only;"
          + " auto (default): live on a terminal.")
  private String progress = "auto";

  @Override
  public Integer call() {
    if (faults != null) {
      if (!java.util.List.of("embedded", "toxiproxy", "testcontainers").contains(faults)) {
        spec.commandLine().getErr().println("netharness run: --faults must be embedded, toxiproxy or testcontainers, not \""
            + faults + "\"");
        return ExitCodes.USAGE;
      }
      System.setProperty("netharness.faults", faults); // read by FaultSettings when a scenario first needs a proxy
    }
    if (toxiproxyUrl != null) {
      System.setProperty("netharness.toxiproxy.url", toxiproxyUrl);
    }
    if (seed != null) {
      System.setProperty("netharness.seed", Long.toString(seed));
    }
    RunRequest request = new RunRequest(checkedPaths(), checkedGlue(), checkedClasspath(), checkedTags(),
        checkedReportDir(), checkedThreads(), dryRun, checkedLiveProgress());
    return FeatureRunner.run(request, spec.commandLine().getOut(), spec.commandLine().getErr(), Terminal.detectStyle());
  }

  private List<String> checkedPaths() {
    for (String path : paths) {
      if (path.startsWith("classpath:") || path.startsWith("@")) {
        continue;
      }
      Path file = Path.of(LINE_SUFFIX.matcher(path).replaceFirst(""));
      if (!Files.exists(file)) {
        throw bad("feature path '" + path + "' does not exist (looked in " + file.toAbsolutePath().normalize()
            + "); pass an existing .feature file or directory, e.g. 'netharness run features/'");
      }
      if (Files.isRegularFile(file) && !file.toString().endsWith(".feature")) {
        throw bad("'" + path + "' is not a .feature file; pass a .feature file or a directory that contains some");
      }
    }
    return paths;
  }

  private List<String> checkedGlue() {
    for (String name : glue) {
      if (!PACKAGE.matcher(name).matches()) {
        throw bad("--glue '" + name + "' is not a Java package name; pass a package such as 'com.example.steps'");
      }
    }
    return glue;
  }

  private List<Path> checkedClasspath() {
    List<Path> entries = new ArrayList<>();
    for (String joined : classpath) {
      for (String part : joined.split(Pattern.quote(File.pathSeparator))) {
        if (!part.isEmpty()) {
          entries.add(Path.of(part));
        }
      }
    }
    for (Path entry : entries) {
      if (!Files.exists(entry)) {
        throw bad("--classpath entry '" + entry + "' does not exist; pass existing jars or class folders separated by '"
            + File.pathSeparator + "'");
      }
    }
    return entries;
  }

  private @Nullable String checkedTags() {
    if (tags == null) {
      return null;
    }
    try {
      TagExpressionParser.parse(tags);
      return tags;
    } catch (TagExpressionException e) {
      throw bad("--tags '" + tags + "' is not a valid tag expression (" + ErrorHandlers.describe(e)
          + "); write it like '@smoke and not @slow'");
    }
  }

  private Path checkedReportDir() {
    if (Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
      throw bad("--report-dir '" + reportDir + "' is a file; pass a directory (it is created if missing)");
    }
    return reportDir;
  }

  private boolean checkedLiveProgress() {
    return switch (progress) {
      case "live" -> true;
      case "plain" -> false;
      case "auto" -> Terminal.isInteractive(System.getenv());
      default -> throw bad("--progress must be auto, live or plain, not '" + progress + "'");
    };
  }

  private int checkedThreads() {
    if (threads < 1) {
      throw bad("--threads must be at least 1, got " + threads + "; pass e.g. --threads 4");
    }
    return threads;
  }

  private ParameterException bad(String message) {
    return new BadInputException(spec.commandLine(), message);
  }
}
