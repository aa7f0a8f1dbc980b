package io.netharness.cli;

import io.cucumber.core.cli.Main;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs features through Cucumber's stable entry point, {@link Main#run(String[], ClassLoader)}. */
final class FeatureRunner {
  static final String BUILT_IN_GLUE = "io.netharness.cucumber";
  static final String HTML = "report.html";
  static final String JUNIT = "junit.xml";
  static final String JSON = "cucumber.json";
  static final String MESSAGES = "cucumber.ndjson";

  private FeatureRunner() {}

  /** Runs the request and returns {@link ExitCodes#OK} or {@link ExitCodes#FAILED}. */
  static int run(RunRequest request, PrintWriter out, PrintWriter err, Style style) {
    Path reportDir = request.reportDir().toAbsolutePath().normalize();
    createDirectories(reportDir);
    // Keeps Cucumber's "share your report" banner off; a user's own setting still wins.
    if (System.getProperty("cucumber.publish.quiet") == null) {
      System.setProperty("cucumber.publish.quiet", "true");
    }
    ClassLoader parent = Thread.currentThread().getContextClassLoader();
    RunConsole runConsole = new RunConsole(out, style, reportDir, request.liveProgress());
    try (URLClassLoader loader = new URLClassLoader("netharness-glue", urls(request.classpath()), parent);
        RunConsole.Registration console = RunConsole.register(runConsole)) {
      warnAboutMissingGlue(request.extraGlue(), loader, err);
      byte status;
      if (request.liveProgress() && !request.dryRun()) {
        runConsole.expectScenarios(ScenarioCount.of(request.featurePaths(), request.tags()));
        status = runClearingLiveLine(runConsole, argv(request, reportDir, console.id()), loader);
      } else {
        status = Main.run(argv(request, reportDir, console.id()), loader);
      }
      return status == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      runConsole.stopLiveLine(); // also when Cucumber threw before the end of the run
      out.flush();
    }
  }

  /** What steps print to System.out or System.err goes on a line of its own, not after the live line. */
  private static byte runClearingLiveLine(RunConsole console, String[] argv, ClassLoader loader) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(console.clearingLiveLine(out, Terminal.stdoutCharset()));
    System.setErr(console.clearingLiveLine(err, Terminal.stderrCharset()));
    try {
      return Main.run(argv, loader);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static String[] argv(RunRequest request, Path reportDir, String consoleId) {
    List<String> argv = new ArrayList<>();
    argv.add("--glue");
    argv.add(BUILT_IN_GLUE);
    for (String glue : request.extraGlue()) {
      argv.add("--glue");
      argv.add(glue);
    }
    if (request.tags() != null) {
      argv.add("--tags");
      argv.add(request.tags());
    }
    argv.add("--threads");
    argv.add(Integer.toString(request.threads()));
    if (request.dryRun()) {
      argv.add("--dry-run");
    }
    argv.add("--monochrome");
    argv.add("--no-summary");
    argv.add("--plugin");
    argv.add(ProgressReporter.class.getName() + ":" + consoleId);
    plugin(argv, "html", reportDir.resolve(HTML));
    plugin(argv, "junit", reportDir.resolve(JUNIT));
    plugin(argv, "json", reportDir.resolve(JSON));
    plugin(argv, "message", reportDir.resolve(MESSAGES));
    argv.addAll(request.featurePaths());
    return argv.toArray(String[]::new);
  }

  private static void plugin(List<String> argv, String name, Path file) {
    argv.add("--plugin");
    argv.add(name + ":" + file);
  }

  private static void warnAboutMissingGlue(List<String> packages, ClassLoader loader, PrintWriter err) {
    for (String name : packages) {
      if (loader.getResource(name.replace('.', '/')) == null) {
        err.println("netharness run: warning: --glue " + name + " matches no classes on the class path;"
            + " check the spelling or add its jar or class folder with --classpath");
      }
    }
    err.flush();
  }

  private static URL[] urls(List<Path> classpath) {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classpath.get(i).toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--classpath entry '" + classpath.get(i) + "' is not a valid path", e);
      }
    }
    return urls;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("--report-dir " + dir + " cannot be created; pass a writable directory", e);
    }
  }
}
