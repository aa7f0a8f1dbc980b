package io.netharness.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every block of README.md and docs/*.md marked {@code <!-- doc-output: … -->} is produced again by running what it
 * shows, through {@code ./netharness} in a copy of the repository, and compared with the block after
 * {@link Normaliser normalising} what varies. With {@code -Dnetharness.docs.regenerate=true}
 * (scripts/regenerate-doc-output) the blocks are rewritten from the runs instead.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DocOutputIT {
  private static final boolean REGENERATE = Boolean.getBoolean("netharness.docs.regenerate");
  private static final Map<String, String> TCP_SESSION = new HashMap<>();
  private static final List<Rewrite> REWRITES = new ArrayList<>();

  private record Rewrite(DocBlock block, String text) {}

  /** The marked blocks; -Dnetharness.docs.only=README.md (any part of "file:line") keeps only those that match. */
  static Stream<DocBlock> markedBlocks() {
    String only = System.getProperty("netharness.docs.only", "");
    return documents().stream().flatMap(file -> DocBlock.in(file).stream())
        .filter(block -> only.isBlank() || block.where().contains(only));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markedBlocks")
  void theBlockShowsWhatTheCommandPrints(DocBlock block) {
    if (block.has("not-checked")) {
      abort(block.where() + " is not checked: " + block.clause("not-checked"));
    }
    RepositoryCopy copy = RepositoryCopy.shared();
    String actual = produce(block, copy);
    Normaliser normaliser = new Normaliser(copy.root().toString());
    if (block.has("trimmed")) {
      assertShowsLinesInOrder(block, normaliser.normalise(actual), actual, normaliser);
      return;
    }
    if (REGENERATE) {
      // paths as from the repository root, never the copy's temporary directory
      REWRITES.add(new Rewrite(block, actual.replace(copy.root() + "/", "")));
      return;
    }
    assertThat(normaliser.normalise(actual))
        .as("%s no longer shows what it prints; run scripts/regenerate-doc-output, or fix the doc.%nThe run printed:%n%s",
            block.where(), actual)
        .isEqualTo(normaliser.normalise(block.text()));
  }

  /**
   * A trimmed block ({@code # line} after the commands of a shell script, {@code # ...} for what was left out):
   * each line it shows was printed, in this order. Not regenerated: which lines to keep is the writer's choice.
   */
  private static void assertShowsLinesInOrder(DocBlock block, String normalisedActual, String actual,
      Normaliser normaliser) {
    List<String> printed = normalisedActual.lines().toList();
    int at = 0;
    for (String line : block.lines()) {
      if (!line.startsWith("# ") || line.strip().equals("# ...")) {
        continue;
      }
      String shown = normaliser.normalise(line.substring(2)).strip();
      int found = printed.subList(at, printed.size()).indexOf(shown);
      assertThat(found).as("%s shows '%s', which the run did not print (after line %d); it is trimmed output, so edit "
          + "it by hand.%nThe run printed:%n%s", block.where(), shown, at, actual).isNotNegative();
      at += found + 1;
    }
  }

  @Test
  void everyBlockSaidToBeRealOutputIsMarked() {
    List<String> unmarked = new ArrayList<>();
    for (Path file : documents()) {
      List<String> lines = read(file);
      boolean inFence = false;
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).startsWith("```")) {
          continue;
        }
        inFence = !inFence;
        String language = lines.get(i).substring(3).strip();
        boolean showsOutput = language.isEmpty() || language.equals("sh") || language.equals("console");
        if (!inFence || !showsOutput || i > 0 && lines.get(i - 1).contains(DocBlock.MARKER)) {
          continue;
        }
        if (paragraphBefore(lines, i).toLowerCase(Locale.ROOT).matches("(?s).*real (output|run).*")) {
          unmarked.add(RepositoryCopy.repositoryRoot().relativize(file) + ":" + (i + 1));
        }
      }
    }
    assertThat(unmarked).as("blocks introduced as real output need a <!-- doc-output: … --> marker "
        + "(or '<!-- doc-output: not-checked REASON -->')").isEmpty();
  }

  @AfterAll
  static void rewriteBlocks() {
    // bottom-up within each file, so a block that grows or shrinks does not move the ones still to rewrite
    REWRITES.stream().sorted(Comparator.comparing((Rewrite r) -> r.block().file())
            .thenComparing(r -> -r.block().fenceLine()))
        .forEach(r -> r.block().rewrite(r.text()));
    if (!REWRITES.isEmpty()) {
      System.out.println("[DocOutputIT] rewrote " + REWRITES.size() + " blocks from real runs");
    }
  }

  private static String produce(DocBlock block, RepositoryCopy copy) {
    if (block.has("recipe")) {
      synchronized (TCP_SESSION) {
        if (TCP_SESSION.isEmpty()) {
          TCP_SESSION.putAll(DocRecipes.tcpListenAndConnect(copy));
        }
        String produced = TCP_SESSION.get(block.clause("recipe"));
        if (produced == null) {
          throw new IllegalStateException(block.where() + ": unknown recipe '" + block.clause("recipe") + "'");
        }
        return produced;
      }
    }
    if (block.has("command")) {
      return DocRecipes.command(block, copy);
    }
    if (block.has("script")) {
      return new DocSession(block, copy).runScript();
    }
    return new DocSession(block, copy).run();
  }

  private static String paragraphBefore(List<String> lines, int fence) {
    StringBuilder text = new StringBuilder();
    int i = fence - 1;
    while (i >= 0 && lines.get(i).isBlank()) {
      i--;
    }
    for (; i >= 0 && !lines.get(i).isBlank() && !lines.get(i).startsWith("```"); i--) {
      text.insert(0, lines.get(i) + " ");
    }
    return text.toString();
  }

  private static List<Path> documents() {
    Path root = RepositoryCopy.repositoryRoot();
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
