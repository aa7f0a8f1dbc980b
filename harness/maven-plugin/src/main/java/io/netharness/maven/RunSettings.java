package io.netharness.maven;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code run} goal's parameters, checked with messages that name the parameter and the fix, and turned into the
 * arguments of {@code netharness run}.
 *
 * <pre>{@code
 * RunSettings settings = new RunSettings(basedir, List.of(), null, 1, List.of(), "embedded", null, null, reports, true);
 * List<File> features = settings.checked();          // throws MojoFailureException naming <threads>, <features> ...
 * List<String> argv = settings.argv(List.of(testClasses));
 * }</pre>
 */
final class RunSettings {
  static final String DEFAULT_FEATURES = "src/test/features";
  private static final Set<String> BACKENDS = Set.of("embedded", "toxiproxy", "testcontainers");
  private static final Pattern PACKAGE =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
  private static final Pattern LINE_SUFFIX = Pattern.compile("(:\\d+)+$");

  private final Path basedir;
  private final List<String> features;
  private final @Nullable String tags;
  private final int threads;
  private final List<String> glue;
  private final String faults;
  private final @Nullable String toxiproxyUrl;
  private final @Nullable Long seed;
  private final Path reportDirectory;
  private final boolean failIfNoFeatures;

  RunSettings(Path basedir, List<String> features, @Nullable String tags, int threads, List<String> glue, String faults,
      @Nullable String toxiproxyUrl, @Nullable Long seed, Path reportDirectory, boolean failIfNoFeatures) {
    this.basedir = basedir;
    this.features = features.isEmpty() ? List.of(DEFAULT_FEATURES) : List.copyOf(features);
    this.tags = blankToNull(tags);
    this.threads = threads;
    this.glue = List.copyOf(glue);
    this.faults = faults.strip();
    this.toxiproxyUrl = blankToNull(toxiproxyUrl);
    this.seed = seed;
    this.reportDirectory = basedir.resolve(reportDirectory);
    this.failIfNoFeatures = failIfNoFeatures;
  }

  Path reportDirectory() {
    return reportDirectory;
  }

  List<String> featurePaths() {
    return features;
  }

  /** Checks every parameter; returns the feature files found (empty only when failIfNoFeatures is false). */
  List<File> checked() throws MojoFailureException {
    if (threads < 1) {
      throw bad("<threads> must be at least 1, got " + threads + "; set <threads>4</threads> or -Dnetharness.threads=4");
    }
    if (!BACKENDS.contains(faults)) {
      throw bad("<faults> must be embedded, toxiproxy or testcontainers, not \"" + faults
          + "\"; set <faults>embedded</faults> or -Dnetharness.faults=toxiproxy");
    }
    checkToxiproxyUrl();
    checkTags();
    for (String name : glue) {
      if (!PACKAGE.matcher(name).matches()) {
        throw bad("<glue> '" + name + "' is not a Java package name; set <glue><package>com.example.steps</package></glue>");
      }
    }
    if (Files.exists(reportDirectory) && !Files.isDirectory(reportDirectory)) {
      throw bad("<reportDirectory> " + reportDirectory + " is a file; set it to a directory (created if missing)");
    }
    return featureFiles();
  }

  /** The arguments of {@code netharness run}, with the project's test class path for its glue. */
  List<String> argv(List<Path> glueClasspath) {
    List<String> argv = new ArrayList<>(List.of("run", "--progress", "plain", "--report-dir", reportDirectory.toString(),
        "--threads", Integer.toString(threads), "--faults", faults));
    if (tags != null) {
      argv.addAll(List.of("--tags", tags));
    }
    if (toxiproxyUrl != null) {
      argv.addAll(List.of("--toxiproxy-url", toxiproxyUrl));
    }
    if (seed != null) {
      argv.addAll(List.of("--seed", seed.toString()));
    }
    for (String name : glue) {
      argv.addAll(List.of("--glue", name));
    }
    List<String> entries = glueClasspath.stream().filter(Files::exists).map(Path::toString).toList();
    if (!entries.isEmpty()) {
      argv.addAll(List.of("--classpath", String.join(File.pathSeparator, entries)));
    }
    for (String feature : features) {
      argv.add(feature.startsWith("classpath:") ? feature : resolve(feature));
    }
    return argv;
  }

  private List<File> featureFiles() throws MojoFailureException {
    List<File> found = new ArrayList<>();
    for (String feature : features) {
      if (feature.startsWith("classpath:")) {
        found.add(new File(feature));
        continue;
      }
      Path path = Path.of(resolve(LINE_SUFFIX.matcher(feature).replaceFirst("")));
      if (!Files.exists(path)) {
        if (failIfNoFeatures) {
          throw bad("<features> entry '" + feature + "' does not exist (looked in " + path + "); put .feature files in "
              + DEFAULT_FEATURES + " or set <features><feature>path/to/features</feature></features>"
              + " (or <failIfNoFeatures>false</failIfNoFeatures> to allow none)");
        }
        continue;
      }
      if (Files.isRegularFile(path) && !path.toString().endsWith(".feature")) {
        throw bad("<features> entry '" + feature + "' is not a .feature file; name a .feature file or a directory");
      }
      found.addAll(featuresUnder(path));
    }
    if (found.isEmpty() && failIfNoFeatures) {
      throw bad("<features> " + features + " hold no .feature files; add one (e.g. " + DEFAULT_FEATURES
          + "/greeting.feature) or set <failIfNoFeatures>false</failIfNoFeatures>");
    }
    return found;
  }

  private static List<File> featuresUnder(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(p -> p.toString().endsWith(".feature") && Files.isRegularFile(p)).map(Path::toFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private void checkToxiproxyUrl() throws MojoFailureException {
    if (toxiproxyUrl == null) {
      return;
    }
    try {
      URI uri = URI.create(toxiproxyUrl);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("no http host");
      }
    } catch (IllegalArgumentException e) {
      throw bad("<toxiproxyUrl> '" + toxiproxyUrl + "' is not an http URL; set it like http://127.0.0.1:8474"
          + " (proxy-start sets ${netharness.toxiproxy.url} for you)");
    }
  }

  private void checkTags() throws MojoFailureException {
    if (tags == null) {
      return;
    }
    try {
      TagExpressionParser.parse(tags);
    } catch (TagExpressionException e) {
      throw bad("<tags> '" + tags + "' is not a valid tag expression (" + e.getMessage()
          + "); write it like <tags>@smoke and not @slow</tags>");
    }
  }

  private String resolve(String feature) {
    return basedir.resolve(feature).normalize().toString();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static MojoFailureException bad(String message) {
    return new MojoFailureException("Bad netharness:run configuration: " + message);
  }
}
