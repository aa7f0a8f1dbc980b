package io.netharness.cli.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

/**
 * A clean copy of the repository layout a user clones: the launchers, the Maven wrapper, every pom, the
 * module sources, the features, fixtures and docs — no target directories, no build output. {@link #shared()} adds the jar this build packaged, newer than every source, so the launcher's
 * {@code stale()} check finds nothing to rebuild; {@link #withoutJar} leaves it out for a first-run build.
 */
public final class RepositoryCopy {
  private static final List<String> TOP_FILES =
      List.of("netharness", "netharness.cmd", "mvnw", "mvnw.cmd", "pom.xml", "README.md");
  private static final List<String> TOP_DIRS = List.of(".mvn", "bom", "harness", "samples", "features", "fixtures", "bench", "docs");
  private static RepositoryCopy shared;

  private final Path root;

  private RepositoryCopy(Path root) {
    this.root = root;
  }

  /** One copy per test JVM, with the packaged jar in place; the copies of earlier runs are deleted first. */
  public static synchronized RepositoryCopy shared() {
    if (shared == null) {
      deleteEarlierCopies();
      RepositoryCopy copy = withoutJar("with-jar");
      copy.installJar(packagedJar());
      shared = copy;
    }
    return shared;
  }

  /** A fresh copy without the jar: the launcher's first run builds it. */
  public static RepositoryCopy withoutJar(String name) {
    try {
      Path work = Path.of(System.getProperty("netharness.it.work", "target/launcher-it")).toAbsolutePath();
      Files.createDirectories(work);
      Path root = Files.createTempDirectory(work, name + "-");
      Path source = repositoryRoot();
      for (String file : TOP_FILES) {
        Files.copy(source.resolve(file), root.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        // COPY_ATTRIBUTES keeps the execute bit; the mtime is reset below, so every file counts as just written
        Files.setLastModifiedTime(root.resolve(file), FileTime.from(Instant.now()));
      }
      for (String dir : TOP_DIRS) {
        copyTree(source.resolve(dir), root.resolve(dir));
      }
      return new RepositoryCopy(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout the tests run from: -Dnetharness.repo.root, else two levels above the module. */
  public static Path repositoryRoot() {
    return Path.of(System.getProperty("netharness.repo.root", "../..")).toAbsolutePath().normalize();
  }

  /** The jar {@code package} built: -Dnetharness.cli.jar, as failsafe sets it. */
  public static Path packagedJar() {
    return Path.of(System.getProperty("netharness.cli.jar", "target/netharness-cli.jar")).toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public Path jar() {
    return root.resolve("harness/cli/target/netharness-cli.jar");
  }

  /** Puts the jar in place, a minute newer than every file of the copy (find -newer is strictly newer). */
  private void installJar(Path jar) {
    try {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("no " + jar + ": run 'mvnw -pl harness/cli -am verify' so package builds it");
      }
      Files.createDirectories(jar().getParent());
      Files.copy(jar, jar(), StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(jar(), FileTime.from(Instant.now().plusSeconds(60)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Earlier runs' copies (kept until now, to look into after a failure). */
  private static void deleteEarlierCopies() {
    Path work = Path.of(System.getProperty("netharness.it.work", "target/launcher-it")).toAbsolutePath();
    if (!Files.isDirectory(work)) {
      return;
    }
    try (var copies = Files.list(work)) {
      for (Path copy : copies.toList()) {
        try (var tree = Files.walk(copy)) {
          for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the copies of earlier runs in " + work, e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (dir.getFileName().toString().equals("target")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()));
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
