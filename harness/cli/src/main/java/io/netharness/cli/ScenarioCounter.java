package io.netharness.cli;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseStarted;

/**
 * Counts the scenarios of a dry run, so the live line of {@code netharness run} can say "n of N". Registered as
 * {@code io.netharness.cli.ScenarioCounter:<run id>}, like {@link ProgressReporter}.
 */
public final class ScenarioCounter implements ConcurrentEventListener {
  private final RunConsole console;

  public ScenarioCounter(String runId) {
    this.console = RunConsole.lookup(runId);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseStarted.class, event -> console.expectScenario());
  }
}
