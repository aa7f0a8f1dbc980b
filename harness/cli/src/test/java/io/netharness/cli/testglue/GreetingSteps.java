package io.netharness.cli.testglue;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

/** Test-only glue: a greeting that is set and then checked, so a feature can pass or fail on purpose. */
public final class GreetingSteps {
  private String greeting = "";

  @Given("the greeting {string}")
  public void theGreeting(String text) {
    greeting = text;
  }

  @Then("the greeting is {string}")
  public void theGreetingIs(String expected) {
    if (!greeting.equals(expected)) {
      throw new AssertionError("expected greeting \"" + expected + "\" but was \"" + greeting + "\"");
    }
  }

  @Then("the greeting is printed")
  public void theGreetingIsPrinted() {
    System.out.println("greeting: " + greeting);
  }
}
