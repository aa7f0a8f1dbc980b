package io.netharness.cli;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A checked {@code netharness run}: what to run, with which glue, and where the reports go. */
record RunRequest(
    List<String> featurePaths,
    List<String> extraGlue,
    List<Path> classpath,
    @Nullable String tags,
    Path reportDir,
    int threads,
    boolean dryRun,
    boolean liveProgress) {

  RunRequest {
    featurePaths = List.copyOf(featurePaths);
    extraGlue = List.copyOf(extraGlue);
    classpath = List.copyOf(classpath);
  }
}
