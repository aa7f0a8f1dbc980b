package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netharness explore} from the shaded jar, then its report opened in headless Chromium as a
 * person would: the page renders, the charts are in the rendered DOM, and a screenshot is taken.
 * Skipped with the reason printed when Chromium is not installed (Debian: apt-get install chromium).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExploreReportChromiumIT {
  @TempDir static Path dir;
  private static Path report;

  @BeforeAll
  static void exploreWithTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("netharness.cli.jar", "target/netharness-cli.jar")).toAbsolutePath();
    assumeTrue(Files.isRegularFile(jar), "no " + jar + ": run 'mvnw -pl harness/cli -am verify' so package builds it");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Run run = run(List.of(java, "-jar", jar.toString(), "explore", "--sweep", "loss", "--from", "0", "--to", "0.5",
        "--steps", "6", "--messages", "100", "--seed", "42", "--out", dir.toString()), 90);
    assertThat(run.code).as(run.output).isZero();
    assertThat(run.output).contains("point 6 of 6").contains("wrote " + dir.resolve("report.html"));
    report = dir.resolve("report.html");
  }

  @Test
  void theReportRendersInHeadlessChromiumWithItsChartsAndAScreenshot() throws Exception {
    Optional<String> chromium = chromium();
    if (chromium.isEmpty()) {
      System.out.println("SKIPPED ExploreReportChromiumIT: chromium is not installed (looked for /usr/bin/chromium, "
          + "chromium and chromium-browser on PATH); apt-get install chromium to run it");
    }
    assumeTrue(chromium.isPresent(), "chromium is not installed: skipping the headless-browser check of report.html");
    Path screenshot = dir.resolve("explore-report.png");
    List<String> base = List.of(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
        // no background traffic: the machine's network is closed beyond loopback
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + dir.resolve("chromium-profile"));

    List<String> shot = new ArrayList<>(base);
    shot.addAll(List.of("--window-size=1140,1500", "--screenshot=" + screenshot, report.toUri().toString()));
    Run shotRun = run(shot, 90);
    List<String> dom = new ArrayList<>(base);
    dom.addAll(List.of("--dump-dom", report.toUri().toString()));
    Run domRun = run(dom, 90);

    assertThat(screenshot).as(shotRun.output).isNotEmptyFile();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(domRun.output).contains("<svg id=\"chart-delivery\"").contains("<svg id=\"chart-completion\"")
        .containsPattern("<polyline[^>]*points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+");
    String copyTo = System.getProperty("netharness.explore.screenshot", "");
    if (!copyTo.isBlank()) {
      Files.copy(screenshot, Path.of(copyTo), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Optional<String> chromium() {
    if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
      return Optional.of("/usr/bin/chromium");
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Optional.of(Path.of(dir, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  private static Run run(List<String> command, int seconds) throws Exception {
    Path log = Files.createTempFile(dir, "run", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out after " + seconds + " s: " + String.join(" ", command));
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  private record Run(int code, String output) {}
}
