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

  /**
   * Skips, with the reason, a scenario tagged with a capability the configured fault backend
   * lacks (e.g. {@code @udp} or {@code @seeded} on a real Toxiproxy).
   */
  @io.cucumber.java.Before(order = 0)
  public void skipWhatTheBackendCannotDo(Scenario scenario) {
    if (scenario.getStatus() != io.cucumber.java.Status.PASSED) {
      return; // an earlier hook already skipped or failed it: do not start a backend for it
    }
    java.util.List<io.netharness.proxy.Capability> needed = java.util.Arrays.stream(io.netharness.proxy.Capability.values())
        .filter(c -> scenario.getSourceTagNames().contains(c.tag()))
        .toList();
    if (needed.isEmpty()) {
      return;
    }
    var backend = state.backend();
    var missing = needed.stream().filter(c -> !backend.capabilities().contains(c)).toList();
    if (!missing.isEmpty()) {
      String reason = "skipped: the \"" + backend.name() + "\" fault backend cannot do "
          + missing.stream().map(io.netharness.proxy.Capability::tag).toList() + ": "
          + String.join("; ", missing.stream().map(backend::whyNot).toList());
      scenario.log(reason);
      System.out.println("[netharness] " + scenario.getName() + ": " + reason);
      throw new org.opentest4j.TestAbortedException(reason);
    }
  }

  @After(order = 0)
  public void closeEverything(Scenario scenario) {
    if (scenario.isFailed()) {
      StringBuilder transcripts = new StringBuilder();
      for (String name : state.clientNames()) {
        transcripts.append("== client \"").append(name).append("\"\n")
            .append(state.client(name).transcript().render(java.nio.charset.StandardCharsets.UTF_8));
      }
      for (String seed : state.proxySeeds()) {
        transcripts.append(seed).append('\n');
        System.out.println("[netharness] " + scenario.getName() + ": " + seed + " (replay with the same seed)");
      }
      if (!transcripts.isEmpty()) {
        scenario.attach(transcripts.toString(), "text/plain", "transcripts");
      }
    }
    state.closeAll();
  }
}
