package io.netharness.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.lab.Lab;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Where the lab cannot run, a test that takes a {@code Lab} is skipped with the reason and the fix, on any machine:
 * the lab's availability is replaced by a reason for the nested run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabSkipTest {
  @Test
  void aTestThatTakesALabIsSkippedWithTheReasonAndTheFix() {
    var saved = LabParameters.availability;
    LabParameters.availability = () -> Optional.of("the lab runs on Linux only; this is Plan 9");
    try {
      EngineExecutionResults results = Examples.run(SkippedExample.class);

      assertThat(Examples.failures(results)).isEmpty();
      assertThat(results.testEvents().aborted().stream()
          .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
          .containsExactly("Assumption failed: packet lab skipped: the lab runs on Linux only; this is Plan 9");
      assertThat(results.testEvents().succeeded().count()).as("a test without a lab still runs").isEqualTo(1);
      assertThat(SkippedExample.ranWithoutLab).isTrue();
    } finally {
      LabParameters.availability = saved;
    }
  }

  @Test
  void aClassWhoseBeforeAllTakesALabIsSkippedWhole() {
    var saved = LabParameters.availability;
    LabParameters.availability = () -> Optional.of("the lab runs on Linux only; this is Plan 9");
    try {
      EngineExecutionResults results = Examples.run(SkippedClassExample.class);

      assertThat(Examples.failures(results)).isEmpty();
      assertThat(results.containerEvents().aborted().stream()
          .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()))
          .containsExactly("Assumption failed: packet lab skipped: the lab runs on Linux only; this is Plan 9");
      assertThat(results.testEvents().started().count()).isZero();
    } finally {
      LabParameters.availability = saved;
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class SkippedClassExample {
    @org.junit.jupiter.api.BeforeAll
    static void start(Lab lab) {
      throw new AssertionError("must not run where the lab cannot: " + lab);
    }

    @Test
    void needsTheClassLab() {
      throw new AssertionError("must not run where the lab cannot");
    }
  }

  @Examples.Example
  @NetHarnessTest
  static class SkippedExample {
    static boolean ranWithoutLab;

    @Test
    void needsTheLab(Lab lab) {
      throw new AssertionError("must not run where the lab cannot: " + lab);
    }

    @Test
    void doesNotNeedIt() {
      ranWithoutLab = true;
    }
  }
}
