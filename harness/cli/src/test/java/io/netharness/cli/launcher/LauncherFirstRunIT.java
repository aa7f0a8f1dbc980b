package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.cli.launcher.Launched.Result;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The README's first command from a clean clone: {@code ./netharness} finds no jar, builds it through the Maven
 * wrapper (announcing it on stderr), then runs; the next launch does not build again, and a changed source builds
 * once more. Takes a few minutes on 2 cores, so it runs only with {@code -Dnetharness.it.firstRun=true}; the other
 * launcher tests use a copy with the jar already in place.
 */
@EnabledIfSystemProperty(named = "netharness.it.firstRun", matches = "true",
    disabledReason = "builds the CLI from scratch (minutes); run with -Dnetharness.it.firstRun=true")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class LauncherFirstRunIT {

  @Test
  void theFirstLaunchBuildsTheJarAndTheNextOneDoesNot() throws Exception {
    RepositoryCopy clone = RepositoryCopy.withoutJar("first-run");
    Result first = run(clone, "--version");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.stderr()).as(first.toString()).isEqualTo("building netharness (first run)…\n");
    assertThat(first.stdout()).as(first.toString()).contains("netharness");
    assertThat(clone.jar()).isNotEmptyFile();

    Result second = run(clone, "--version");
    assertThat(second.stderr()).as(second.toString()).isEmpty();
    assertThat(second.stdout()).isEqualTo(first.stdout());

    Files.setLastModifiedTime(clone.root().resolve("harness/cli/src/main/java/io/netharness/cli/NetHarness.java"),
        FileTime.from(Instant.now().plusSeconds(60)));
    Result third = run(clone, "--version");
    assertThat(third.stderr()).as(third.toString()).isEqualTo("building netharness (sources changed)…\n");
    assertThat(third.exitCode()).as(third.toString()).isZero();
  }

  private static Result run(RepositoryCopy clone, String... args) {
    try (Launched launched = Launched.netharness(clone, args)) {
      return launched.finish(Launched.BUILD_WAIT);
    }
  }
}
