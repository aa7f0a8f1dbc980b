package io.netharness.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.suite.api.SelectDirectories;

/** Every folder of .feature files under features/ is part of the suite. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FeatureFoldersSelectedTest {

  @Test
  void everyFeatureFolderIsSelectedBySuite() throws IOException {
    Set<String> selected = Set.of(RunFeaturesTest.class.getAnnotation(SelectDirectories.class).value());
    List<String> folders;
    try (Stream<Path> files = Files.walk(Path.of(""))) {
      folders = files.filter(f -> f.toString().endsWith(".feature"))
          .map(f -> f.subpath(0, 1).toString())
          .distinct()
          .toList();
    }
    assertThat(folders).isNotEmpty();
    assertThat(selected).as("folders in @SelectDirectories of RunFeaturesTest").containsAll(folders);
  }
}
