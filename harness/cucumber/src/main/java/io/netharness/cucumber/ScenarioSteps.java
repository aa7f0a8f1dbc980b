package io.netharness.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.client.TcpClient;
import java.time.Duration;
import java.util.Locale;

/**
 * Scenario-wide steps: how long expectations wait, and checks on an attempt that was expected to
 * fail ("tries to …" steps).
 *
 * <pre>{@code
 * Given expectations wait at most 2 s
 * When a TCP client "bob" tries to connect to a port where nobody listens
 * Then the attempt fails with "connection refused"
 * }</pre>
 */
public final class ScenarioSteps {
  private final HarnessState state;

  public ScenarioSteps(HarnessState state) {
    this.state = state;
  }

  @Given("expectations wait at most {duration}")
  public void timeout(Duration timeout) {
    if (timeout.isZero()) {
      throw new io.netharness.HarnessException("\"expectations wait at most\" needs a positive duration, e.g. 2 s");
    }
    state.timeout(timeout);
  }

  @When("a TCP client {string} tries to connect to a port where nobody listens")
  public void connectToNobody(String name) {
    state.attempt(() -> state.addClient(name, TcpClient.builder().name(name).address(Ports.unused())
        .connectTimeout(state.timeout()).connect()));
  }

  @Then("the attempt fails with {string}")
  public void attemptFails(String fragment) {
    RuntimeException failure = state.lastFailure();
    if (failure == null) {
      throw new ExpectationFailedException("expected the attempt to fail with \"" + fragment + "\", but it succeeded");
    }
    String message = String.valueOf(failure.getMessage());
    if (!message.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))) {
      throw new ExpectationFailedException("expected the attempt to fail with \"" + fragment + "\", but it failed with: " + message);
    }
  }

  @Then("the attempt succeeds")
  public void attemptSucceeds() {
    RuntimeException failure = state.lastFailure();
    if (failure != null) {
      throw new ExpectationFailedException("expected the attempt to succeed, but it failed with: " + failure.getMessage());
    }
  }
}
