package io.netharness.cucumber;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;

/**
 * Closes everything a scenario opened, whatever its outcome, so nothing leaks into the next one.
 * On failure, attaches every endpoint's transcript to the report.
 *
 * <pre>{@code
 * // nothing to call: Cucumber runs it after each scenario when io.netharness.cucumber is on the glue path
 * }</pre>
 */
public final class Hooks {
  private final HarnessState state;

  public Hooks(HarnessState state) {
    this.state = state;
  }

  @After(order = 0)
  public void closeEverything(Scenario scenario) {
    if (scenario.isFailed()) {
      StringBuilder transcripts = new StringBuilder();
      for (String name : state.clientNames()) {
        transcripts.append("== client \"").append(name).append("\"\n")
            .append(state.client(name).transcript().render(java.nio.charset.StandardCharsets.UTF_8));
      }
      if (!transcripts.isEmpty()) {
        scenario.attach(transcripts.toString(), "text/plain", "transcripts");
      }
    }
    state.closeAll();
  }
}
