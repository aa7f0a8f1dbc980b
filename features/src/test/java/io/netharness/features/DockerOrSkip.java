package io.netharness.features;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.netharness.proxy.FaultSettings;
import io.netharness.toxiproxy.TestcontainersBackend;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.TestAbortedException;

/**
 * Lets the build run the feature suite on the "testcontainers" backend wherever a Docker engine
 * answers and skip it, with the reason, where none does (CI has no Docker). Asked once per JVM,
 * within seconds; the reason is printed in full once and logged with every skipped scenario.
 * Only this suite skips: a user who asks for {@code --faults testcontainers} without Docker is
 * told it fails.
 */
public final class DockerOrSkip {
  private static final AtomicBoolean PRINTED = new AtomicBoolean();
  private static volatile Optional<String> unavailable;

  @Before(order = -1)
  public void skipEveryScenarioWithoutDocker(Scenario scenario) {
    if (!"testcontainers".equals(System.getProperty("netharness.faults"))) {
      return;
    }
    Optional<String> why = whyUnavailable();
    if (why.isEmpty()) {
      return;
    }
    String reason = "skipped: the testcontainers backend cannot run here: " + why.get();
    if (PRINTED.compareAndSet(false, true)) {
      System.out.println("[features] " + reason + " (every scenario of this run is skipped)");
    }
    scenario.log(reason);
    throw new TestAbortedException(reason);
  }

  private static Optional<String> whyUnavailable() {
    Optional<String> known = unavailable;
    if (known == null) {
      synchronized (DockerOrSkip.class) {
        known = unavailable;
        if (known == null) {
          known = TestcontainersBackend.whyUnavailable(FaultSettings.fromEnvironment().toxiproxyImage());
          unavailable = known;
        }
      }
    }
    return known;
  }
}
