package io.netharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Precise timers may spend 5% of a loop's time waiting, with 2 ms saved up; beyond that they are refused. */
class SpinBudgetTest {
  private static final long MS = 1_000_000;

  @Test
  void startsWithTwoMillisecondsAndRefusesMore() {
    SpinBudget budget = new SpinBudget(0);
    assertThat(budget.take(MS / 2, 0)).isTrue();
    assertThat(budget.take(MS, 0)).isTrue();
    assertThat(budget.take(MS, 0)).as("only 0.5 ms left").isFalse();
    assertThat(budget.take(MS / 2, 0)).isTrue();
    assertThat(budget.take(1, 0)).as("spent").isFalse();
  }

  @Test
  void earnsATwentiethOfTheTimeThatPassesUpToTheCap() {
    SpinBudget budget = new SpinBudget(0);
    assertThat(budget.take(2 * MS, 0)).isTrue();
    assertThat(budget.take(MS / 2, 9 * MS)).as("9 ms earn 0.45 ms").isFalse();
    assertThat(budget.take(MS / 2, 10 * MS)).as("10 ms earn 0.5 ms").isTrue();
    assertThat(budget.take(2 * MS, 1_000 * MS)).as("a second earns 50 ms, capped at 2").isTrue();
    assertThat(budget.take(1, 1_000 * MS)).isFalse();
  }
}
