package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives {@code tcp listen} and {@code tcp connect} as a person would: the packaged jar in two tmux panes,
 * keys typed with send-keys, screens read with capture-pane. Runs in failsafe's integration-test phase, after
 * the jar is built; skipped, with the reason, when tmux or the jar is missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpAssistantTmuxIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final String session = "netharness-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  private Path jar;
  private String javaBinary;

  @BeforeEach
  void requireTmuxAndJar() {
    jar = Path.of(System.getProperty("netharness.cli.jar", "target/netharness-cli.jar")).toAbsolutePath();
    javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")) || onPath("tmux"),
        "tmux is not installed: skipping the terminal test of tcp listen/connect (apt-get install tmux)");
    assumeTrue(Files.isRegularFile(jar),
        "no " + jar + ": skipping the terminal test; run 'mvnw -pl harness/cli -am verify' so package builds it");
  }

  @AfterEach
  void killSession() throws Exception {
    tmux("kill-session", "-t", session);
  }

  @Test
  void linesTypedInTheConnectPaneShowInTheListenPaneAndBack() throws Exception {
    String listenPane = tmux("new-session", "-d", "-P", "-F", "#{pane_id}", "-s", session, "-x", "160", "-y", "40",
        command("tcp", "listen", "127.0.0.1:0", "--verbose")).strip();
    tmux("set-option", "-t", session, "remain-on-exit", "on");
    Pattern listening = Pattern.compile("\\[listening on 127\\.0\\.0\\.1:(\\d+)]");
    Awaitility.await("the listen pane to show its port").atMost(WAIT).until(() -> listening.matcher(screen(listenPane)).find());
    Matcher port = listening.matcher(screen(listenPane));
    assertThat(port.find()).isTrue();

    String connectPane = tmux("split-window", "-t", listenPane, "-P", "-F", "#{pane_id}",
        command("tcp", "connect", "127.0.0.1:" + port.group(1))).strip();
    Awaitility.await("the connect pane to connect").atMost(WAIT).until(() -> screen(connectPane).contains("[connected to"));
    Awaitility.await("the listen pane to list client 1").atMost(WAIT)
        .until(() -> screen(listenPane).contains("[client 1 127.0.0.1:"));

    tmux("send-keys", "-t", connectPane, "hello from the terminal", "Enter");
    Awaitility.await("the listen pane to show the line").atMost(WAIT)
        .until(() -> screen(listenPane).contains("client 1 <- hello from the terminal"));

    tmux("send-keys", "-t", listenPane, "@1 hi back", "Enter");
    Awaitility.await("the connect pane to show the reply").atMost(WAIT)
        .until(() -> screen(connectPane).lines().anyMatch(line -> line.equals("hi back")));

    tmux("send-keys", "-t", connectPane, "C-d");
    Awaitility.await("the listen pane to show the byte counts").atMost(WAIT)
        .until(() -> screen(listenPane).contains("disconnected: 24 bytes received, 8 bytes sent]"));
  }

  private String command(String... args) {
    List<String> words = new ArrayList<>(List.of(javaBinary, "-jar", jar.toString()));
    words.addAll(List.of(args));
    return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
  }

  private String screen(String pane) throws Exception {
    return tmux("capture-pane", "-p", "-t", pane);
  }

  private static String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", "netharness-it"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return output;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
