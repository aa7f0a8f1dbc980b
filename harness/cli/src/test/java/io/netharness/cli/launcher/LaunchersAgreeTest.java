package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netharness.cmd} cannot run here (no Windows), so this reads both launchers and checks they agree on what
 * a user sees: the jar, when it is rebuilt, the build command, the messages, and that neither touches stderr of
 * the command it runs. The bash launcher itself is run by the Launcher*IT tests.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LaunchersAgreeTest {
  private final String bash = read("netharness");
  private final String cmd = read("netharness.cmd");

  @Test
  void bothRunTheSameJarAndBuildItWithTheSameCommand() {
    assertThat(bash).contains("harness/cli/target/netharness-cli.jar")
        .contains("./mvnw -q -B -DskipTests -pl harness/cli -am package");
    assertThat(cmd).contains("harness\\cli\\target\\netharness-cli.jar")
        .contains("mvnw.cmd\" -q -B -DskipTests -pl harness/cli -am package");
  }

  @Test
  void bothRebuildWhenAPomOrAMainSourceIsNewerThanTheJar() {
    for (String launcher : List.of(bash, cmd)) {
      assertThat(launcher).contains("pom.xml").contains("src").contains("main").contains("target");
    }
    assertThat(cmd).contains("\\\\src\\\\main\\\\").contains("-notmatch '\\\\target\\\\'");
    assertThat(bash).contains("'*/src/main/*'").contains("-path '*/target' -prune");
  }

  @Test
  void bothSayTheSameThings() {
    for (String message : List.of("netharness: no java found; install JDK 17 or newer, or set JAVA_HOME",
        "building netharness (", "first run", "sources changed", "netharness: build failed; run '")) {
      assertThat(bash).contains(message);
      assertThat(cmd).contains(message.replace("'", "\""));
    }
  }

  @Test
  void neitherRedirectsTheStderrOfTheCommandItRuns() {
    // a bare 'exec 9>&- 2>/dev/null' made every CLI error invisible through ./netharness (issue 8)
    assertThat(bash.lines().filter(line -> line.startsWith("exec ")))
        .isNotEmpty().noneMatch(line -> line.contains("2>"));
    assertThat(cmd.lines().filter(line -> line.contains("-jar \"%NH_JAR%\"")))
        .hasSize(1).noneMatch(line -> line.contains("2>"));
  }

  private static String read(String launcher) {
    try {
      return Files.readString(RepositoryCopy.repositoryRoot().resolve(launcher));
    } catch (IOException e) {
      throw new AssertionError("cannot read the launcher " + launcher, e);
    }
  }
}
