package io.netharness.cucumber;

import io.netharness.HarnessException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds fixture files. The root is {@code -Dnetharness.fixtures=DIR}, else the environment
 * variable {@code NETHARNESS_FIXTURES}, else the first {@code fixtures/} folder found in the
 * working directory or one of its parents. A path that leads outside the root is refused.
 *
 * <pre>{@code
 * Path hello = Fixtures.resolve("texts/hello.txt");   // fixtures/texts/hello.txt
 * }</pre>
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    String configured = System.getProperty("netharness.fixtures", System.getenv("NETHARNESS_FIXTURES"));
    if (configured != null && !configured.isBlank()) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        throw new HarnessException("the fixtures root " + root + " (from netharness.fixtures / NETHARNESS_FIXTURES)"
            + " is not a folder: point it at the folder that holds your fixture files");
      }
      return root;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    throw new HarnessException("no fixtures folder found in " + Path.of("").toAbsolutePath()
        + " or its parents: create fixtures/ or set -Dnetharness.fixtures=DIR");
  }

  /** The fixture at {@code relative} below the root; it must exist and stay inside the root. */
  public static Path resolve(String relative) {
    Path root = root();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)) {
      throw new HarnessException("fixture path \"" + relative + "\" leads outside the fixtures root " + root
          + ": use a path below it, without \"..\"");
    }
    if (!Files.isRegularFile(file)) {
      throw new HarnessException("no fixture file \"" + relative + "\" in " + root + ": check the name");
    }
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(root.toRealPath())) {
        throw new HarnessException("fixture \"" + relative + "\" is a link that leads outside the fixtures root "
            + root + ": copy the file into the root instead");
      }
      return real;
    } catch (java.io.IOException e) {
      throw new HarnessException("cannot read fixture \"" + relative + "\": " + e.getMessage(), e);
    }
  }
}
