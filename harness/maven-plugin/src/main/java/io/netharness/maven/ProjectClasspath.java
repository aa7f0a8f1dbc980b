package io.netharness.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * The project's test class path for its own glue, without the jars the plugin already brings (NetHarness and
 * Cucumber): one copy of each step class, so Cucumber never sees the step library twice.
 *
 * <pre>{@code
 * List<Path> entries = ProjectClasspath.glueClasspath(project);   // target/test-classes, target/classes, test jars
 * }</pre>
 */
final class ProjectClasspath {
  private static final Set<String> PROVIDED_BY_PLUGIN = Set.of("io.netharness", "io.cucumber");

  private ProjectClasspath() {}

  static List<Path> glueClasspath(MavenProject project) throws MojoExecutionException {
    Set<File> pluginOwned = new HashSet<>();
    for (Artifact artifact : project.getArtifacts()) {
      if (PROVIDED_BY_PLUGIN.contains(artifact.getGroupId()) && artifact.getFile() != null) {
        pluginOwned.add(artifact.getFile().getAbsoluteFile());
      }
    }
    try {
      return project.getTestClasspathElements().stream()
          .map(File::new)
          .filter(file -> !pluginOwned.contains(file.getAbsoluteFile()))
          .map(File::toPath)
          .toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the test class path of " + project.getId() + " is not resolved: " + e.getMessage(), e);
    }
  }
}
