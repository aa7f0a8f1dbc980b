package io.netharness.cli;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * How many scenarios a run will start, for the live line's "n of N": the feature files' pickles that match the tag
 * expression, parsed with Cucumber's own Gherkin parser (nothing runs, no glue is loaded). 0 means "cannot tell"
 * (a {@code :LINE} filter, a {@code classpath:} or {@code @rerun} path, a file that does not parse): the line then
 * shows n alone.
 */
final class ScenarioCount {
  private static final Pattern LINE_FILTER = Pattern.compile(":\\d+(:\\d+)*$");

  private ScenarioCount() {}

  static int of(List<String> featurePaths, @Nullable String tags) {
    Expression filter = tags == null ? null : TagExpressionParser.parse(tags);
    GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false)
        .includePickles(true).build();
    int count = 0;
    try {
      for (String path : featurePaths) {
        if (path.startsWith("classpath:") || path.startsWith("@") || LINE_FILTER.matcher(path).find()) {
          return 0;
        }
        for (Path file : featureFiles(Path.of(path))) {
          List<Envelope> envelopes;
          try (Stream<Envelope> parsed = parser.parse(file)) {
            envelopes = parsed.toList();
          }
          if (envelopes.stream().anyMatch(e -> e.getParseError().isPresent())) {
            return 0; // Cucumber reports the broken file itself
          }
          count += (int) envelopes.stream().map(Envelope::getPickle).flatMap(p -> p.stream())
              .filter(pickle -> filter == null || filter.evaluate(tagNames(pickle))).count();
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0; // Cucumber reports an unreadable or malformed file itself
    }
    return count;
  }

  private static List<Path> featureFiles(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(f -> f.toString().endsWith(".feature") && Files.isRegularFile(f)).sorted().toList();
    }
  }

  private static List<String> tagNames(Pickle pickle) {
    return pickle.getTags().stream().map(PickleTag::getName).toList();
  }
}
