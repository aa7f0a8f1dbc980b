package io.netharness.maven;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What {@code run} leaves for {@code verify}: the exit code of the run, in {@code netharness-run.properties} beside the
 * reports (failsafe's summary file plays the same part).
 *
 * <pre>{@code
 * RunResult.finished(1).write(reportDirectory);
 * RunResult result = RunResult.read(reportDirectory);   // null when run did not run
 * }</pre>
 */
record RunResult(String outcome, int exitCode) {
  static final String FILE = "netharness-run.properties";
  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int BAD_INPUT = 2;

  static RunResult finished(int exitCode) {
    return new RunResult(exitCode == PASSED ? "passed" : "failed", exitCode);
  }

  static RunResult noFeatures() {
    return new RunResult("no-features", PASSED);
  }

  boolean passed() {
    return exitCode == PASSED;
  }

  void write(Path reportDirectory) {
    Properties properties = new Properties();
    properties.setProperty("outcome", outcome);
    properties.setProperty("exitCode", Integer.toString(exitCode));
    try {
      Files.createDirectories(reportDirectory);
      try (Writer out = Files.newBufferedWriter(reportDirectory.resolve(FILE), StandardCharsets.UTF_8)) {
        properties.store(out, "written by netharness:run, read by netharness:verify");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + reportDirectory.resolve(FILE), e);
    }
  }

  static void delete(Path reportDirectory) {
    try {
      Files.deleteIfExists(reportDirectory.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + reportDirectory.resolve(FILE), e);
    }
  }

  static @Nullable RunResult read(Path reportDirectory) {
    Path file = reportDirectory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new RunResult(properties.getProperty("outcome", "failed"),
        Integer.parseInt(properties.getProperty("exitCode", Integer.toString(FAILED))));
  }
}
