package io.netharness.bench.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The quick part of the robustness suite, in the build: the same checks as {@code bench/robustness.sh}
 * at a small size, against an admin server in this JVM. (Descriptor exhaustion and loops need a child
 * process with its own limit: {@code FdExhaustionTest} and {@code SelfLoopTest} in harness/faults.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RobustnessQuickTest {
  private final Target target = Target.inProcess();

  @AfterEach
  void closeAll() {
    target.close();
  }

  @Test
  void apiFuzzGetsNoHangAndNo5xxBeyondToxiproxys() {
    Finding f = new ApiFuzz(target, 7).run(400);
    assertThat(f.passed()).as(f.summary()).isTrue();
  }

  @Test
  void extremeValuesKeepTheApiAnsweringAndConnectionsWorking() throws Exception {
    Finding f = Extremes.run(target);
    assertThat(f.passed()).as(f.summary()).isTrue();
  }

  @Test
  void toxicChurnNeverCorruptsAByte() throws Exception {
    Finding f = Churn.run(target, 8, 150, 7);
    assertThat(f.passed()).as(f.summary()).isTrue();
  }
}
