package io.netharness.cli.launcher;

import io.netharness.cli.launcher.Launched.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The doc blocks that are not a plain sequence of {@code $ command} lines: a command the block does not show
 * ({@code command CMD}, optionally keeping only {@code lines REGEX}, after a {@code setup}), and the two-terminal
 * {@code tcp listen} / {@code tcp connect} session typed by hand ({@code recipe tcp listen|tcp connect}).
 */
final class DocRecipes {
  private DocRecipes() {}

  /** The output of the block's {@code command}, filtered by {@code lines}, after its {@code setup}. */
  static String command(DocBlock block, RepositoryCopy copy) {
    if (block.clause("setup").startsWith("demo.feature")) {
      writeDemoFeature(block, copy.root().resolve("features/demo.feature"));
    } else if (block.has("setup")) {
      throw new IllegalStateException(block.where() + ": unknown setup '" + block.clause("setup") + "'");
    }
    String output;
    try (Launched run = Launched.shell(copy.root(), "exec 2>&1; " + block.clause("command"))) {
      output = run.finish().stdout();
    }
    if (!block.has("lines")) {
      return output;
    }
    Pattern keep = Pattern.compile(block.clause("lines"));
    return output.lines().filter(line -> keep.matcher(line).find()).collect(Collectors.joining("\n")) + "\n";
  }

  /**
   * {@code features/demo.feature} as the README builds it: the Feature line and first scenario of the file's
   * first gherkin example, then the gherkin block right above the marked one.
   */
  private static void writeDemoFeature(DocBlock block, Path target) {
    try {
      List<String> file = Files.readAllLines(block.file());
      List<String> first = gherkinBlockFrom(file, 0);
      int secondScenario = first.size();
      for (int i = 0, scenarios = 0; i < first.size(); i++) {
        if (first.get(i).strip().startsWith("Scenario:") && ++scenarios == 2) {
          secondScenario = i;
          break;
        }
      }
      List<String> feature = new ArrayList<>(first.subList(0, secondScenario));
      while (feature.get(feature.size() - 1).isBlank()) {
        feature.remove(feature.size() - 1);
      }
      int above = block.fenceLine() - 1;
      while (above >= 0 && !file.get(above).startsWith("```gherkin")) {
        above--;
      }
      feature.add("");
      feature.addAll(gherkinBlockFrom(file, above));
      Files.writeString(target, String.join("\n", feature) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> gherkinBlockFrom(List<String> file, int from) {
    int open = from;
    while (!file.get(open).startsWith("```gherkin")) {
      open++;
    }
    int close = open + 1;
    while (!file.get(close).startsWith("```")) {
      close++;
    }
    return file.subList(open + 1, close);
  }

  /**
   * The README's two terminals: {@code tcp listen} and {@code tcp connect} with {@code --timestamps}; "hi" typed in
   * the client, "@1 welcome" in the server, "你好" in the client, then Ctrl-D in the client. Both blocks, by recipe.
   */
  static Map<String, String> tcpListenAndConnect(RepositoryCopy copy) {
    String listenCommand = "./netharness tcp listen 127.0.0.1:0 --once --timestamps";
    try (Launched listen = Launched.shell(copy.root(), "exec 2>&1; " + listenCommand)) {
      String port = listen.awaitStdout("\\[listening on 127\\.0\\.0\\.1:(\\d+)]");
      String connectCommand = "./netharness tcp connect 127.0.0.1:" + port + " --timestamps";
      try (Launched connect = Launched.shell(copy.root(), "exec 2>&1; " + connectCommand)) {
        connect.awaitStdout("\\[connected to ");
        listen.awaitStdout("\\[client 1 \\S+ connected]");
        connect.type("hi\n");
        listen.awaitStdout("client 1 <- hi\n");
        listen.type("@1 welcome\n");
        connect.awaitStdout("<- welcome\n");
        connect.type("你好\n");
        listen.awaitStdout("client 1 <- 你好\n");
        Result client = connect.finish();
        Result server = listen.awaitExit();
        return Map.of("tcp listen", "$ " + listenCommand + "\n" + server.stdout(),
            "tcp connect", "$ " + connectCommand + "\n" + client.stdout());
      }
    }
  }
}
