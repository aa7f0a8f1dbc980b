package io.netharness.cucumber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A scenario's own temporary folder: created on first use, deleted with everything in it afterwards. */
final class ScratchFolder {
  private @Nullable Path folder;

  Path path() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("netharness-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a scratch folder", e);
      }
    }
    return folder;
  }

  void delete() {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the scratch folder " + folder, e);
    } finally {
      folder = null;
    }
  }
}
