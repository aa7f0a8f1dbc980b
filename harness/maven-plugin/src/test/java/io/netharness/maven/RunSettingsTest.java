package io.netharness.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class RunSettingsTest {
  @TempDir Path project;

  private RunSettings settings(List<String> features, String tags, int threads, String faults, String url) {
    return new RunSettings(project, features, tags, threads, List.of("com.example.steps"), faults, url, 7L,
        Path.of("target/netharness"), true);
  }

  @Test
  void findsTheFeaturesUnderTheDefaultFolderAndBuildsTheRunArguments() throws Exception {
    Path feature = writeFeature("src/test/features/a/greeting.feature");
    RunSettings settings = settings(List.of(), "@smoke and not @slow", 2, "toxiproxy", "http://127.0.0.1:8474");

    assertThat(settings.checked()).containsExactly(feature.toFile());
    assertThat(settings.argv(List.of(project))).containsSubsequence("run", "--progress", "plain", "--report-dir",
        project.resolve("target/netharness").toString(), "--threads", "2", "--faults", "toxiproxy", "--tags",
        "@smoke and not @slow", "--toxiproxy-url", "http://127.0.0.1:8474", "--seed", "7", "--glue",
        "com.example.steps", "--classpath", project.toString(), project.resolve("src/test/features").toString());
  }

  @Test
  void zeroThreadsNamesTheParameterAndTheFix() throws Exception {
    writeFeature("src/test/features/greeting.feature");
    assertThatThrownBy(() -> settings(List.of(), null, 0, "embedded", null).checked())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("Bad netharness:run configuration: <threads> must be at least 1, got 0;"
            + " set <threads>4</threads> or -Dnetharness.threads=4");
  }

  @Test
  void anUnknownBackendListsTheKnownOnes() throws Exception {
    writeFeature("src/test/features/greeting.feature");
    assertThatThrownBy(() -> settings(List.of(), null, 1, "docker", null).checked())
        .hasMessageContaining("<faults> must be embedded, toxiproxy or testcontainers, not \"docker\"");
  }

  @Test
  void aBrokenTagExpressionShowsHowToWriteOne() throws Exception {
    writeFeature("src/test/features/greeting.feature");
    assertThatThrownBy(() -> settings(List.of(), "@smoke and", 1, "embedded", null).checked())
        .hasMessageContaining("<tags> '@smoke and' is not a valid tag expression")
        .hasMessageContaining("<tags>@smoke and not @slow</tags>");
  }

  @Test
  void aToxiproxyUrlMustBeHttp() throws Exception {
    writeFeature("src/test/features/greeting.feature");
    assertThatThrownBy(() -> settings(List.of(), null, 1, "toxiproxy", "127.0.0.1:8474").checked())
        .hasMessageContaining("<toxiproxyUrl> '127.0.0.1:8474' is not an http URL; set it like http://127.0.0.1:8474");
  }

  @Test
  void aMissingFeaturePathSaysWhereItLooked() {
    assertThatThrownBy(() -> settings(List.of("src/test/featurs"), null, 1, "embedded", null).checked())
        .hasMessageContaining("<features> entry 'src/test/featurs' does not exist (looked in "
            + project.resolve("src/test/featurs") + ")");
  }

  @Test
  void aFolderWithoutFeaturesFailsUnlessAllowed() throws IOException, MojoFailureException {
    Files.createDirectories(project.resolve("src/test/features"));
    assertThatThrownBy(() -> settings(List.of(), null, 1, "embedded", null).checked())
        .hasMessageContaining("hold no .feature files")
        .hasMessageContaining("<failIfNoFeatures>false</failIfNoFeatures>");

    RunSettings allowed = new RunSettings(project, List.of(), null, 1, List.of(), "embedded", null, null,
        Path.of("target/netharness"), false);
    assertThat(allowed.checked()).isEmpty();
  }

  @Test
  void aScenarioLineIsKeptButCheckedWithoutIt() throws Exception {
    writeFeature("features/greeting.feature");
    RunSettings settings = settings(List.of("features/greeting.feature:3"), null, 1, "embedded", null);
    assertThat(settings.checked()).hasSize(1);
    assertThat(settings.argv(List.of())).last().isEqualTo(project.resolve("features/greeting.feature") + ":3");
  }

  private Path writeFeature(String relative) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "Feature: f\n  Scenario: s\n    Given a TCP server \"srv\"\n");
    return file;
  }
}
