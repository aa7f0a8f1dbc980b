package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScenarioCountTest {
  private static String features(String folder) {
    try {
      return Path.of(ScenarioCountTest.class.getResource("/features/" + folder).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void countsTheScenariosOfFilesAndFoldersThatMatchTheTags() {
    List<String> both = List.of(features("failing"), features("passing"));
    assertThat(ScenarioCount.of(both, null)).isEqualTo(3);
    assertThat(ScenarioCount.of(both, "not @never")).isEqualTo(3);
    assertThat(ScenarioCount.of(both, "@never")).isZero();
    assertThat(ScenarioCount.of(List.of(features("passing") + "/greeting.feature"), null)).isEqualTo(1);
  }

  @Test
  void aTagSelectsTheScenariosThatCarryIt() {
    List<String> project = List.of(Path.of("../../features").toAbsolutePath().normalize().toString());
    int all = ScenarioCount.of(project, null);
    int slow = ScenarioCount.of(project, "@slow");
    assertThat(slow).isPositive().isLessThan(all);
    assertThat(ScenarioCount.of(project, "not @slow")).isEqualTo(all - slow);
  }

  @Test
  void cannotTellWhenAFileDoesNotParse(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("good.feature"), "Feature: F\n  Scenario: S\n    Given a step\n");
    Files.writeString(dir.resolve("broken.feature"), "Feature: F\n  Scenario: S\n    Given a table\n      | a | b |\n      | c |\n");
    assertThat(ScenarioCount.of(List.of(dir.resolve("good.feature").toString()), null)).isEqualTo(1);
    assertThat(ScenarioCount.of(List.of(dir.toString()), null)).isZero();
  }

  @Test
  void cannotTellForLineFiltersClasspathAndRerunPaths() {
    assertThat(ScenarioCount.of(List.of(features("passing") + "/greeting.feature:3"), null)).isZero();
    assertThat(ScenarioCount.of(List.of("classpath:features"), null)).isZero();
    assertThat(ScenarioCount.of(List.of("@target/rerun.txt"), null)).isZero();
  }
}
