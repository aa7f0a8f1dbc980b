package io.netharness.cucumber;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/steps.md lists exactly the steps the library has: none missing, none stale. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StepsDocumentedTest {
  private static final Pattern DOCUMENTED = Pattern.compile("^### `((?:Given|When|Then) .+)`$", Pattern.MULTILINE);

  @Test
  void everyStepIsListedInTheStepsDoc() throws Exception {
    String doc = Files.readString(stepsDoc(), StandardCharsets.UTF_8);
    List<String> missing = steps().stream().filter(step -> !doc.contains("### `" + step + "`")).toList();
    assertThat(missing).as("steps that docs/steps.md does not list (add a ### heading and an example)").isEmpty();
  }

  @Test
  void theStepsDocListsNoStepThatDoesNotExist() throws Exception {
    String doc = Files.readString(stepsDoc(), StandardCharsets.UTF_8);
    List<String> steps = steps();
    List<String> stale = new ArrayList<>();
    Matcher m = DOCUMENTED.matcher(doc);
    while (m.find()) {
      if (!steps.contains(m.group(1))) {
        stale.add(m.group(1));
      }
    }
    assertThat(steps).hasSizeGreaterThan(40);
    assertThat(stale).as("steps listed in docs/steps.md that the library does not have").isEmpty();
  }

  @Test
  void everyListedStepHasAnExample() throws Exception {
    String doc = Files.readString(stepsDoc(), StandardCharsets.UTF_8);
    for (String section : doc.split("\n### ")) {
      if (section.startsWith("`")) {
        assertThat(section).as("example for %s", section.lines().findFirst().orElse("")).contains("```gherkin");
      }
    }
  }

  private static List<String> steps() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(HarnessState.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("io/netharness/cucumber");
    TreeSet<String> steps = new TreeSet<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = "io.netharness.cucumber." + file.getFileName().toString().replace(".class", "");
        for (Method method : Class.forName(name).getDeclaredMethods()) {
          for (Given g : method.getAnnotationsByType(Given.class)) {
            steps.add("Given " + g.value());
          }
          for (When w : method.getAnnotationsByType(When.class)) {
            steps.add("When " + w.value());
          }
          for (Then t : method.getAnnotationsByType(Then.class)) {
            steps.add("Then " + t.value());
          }
        }
      }
    }
    return List.copyOf(steps);
  }

  private static Path stepsDoc() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/steps.md");
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("docs/steps.md not found above " + Path.of("").toAbsolutePath());
  }
}
