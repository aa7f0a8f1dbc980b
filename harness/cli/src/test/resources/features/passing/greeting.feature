Feature: Greeting

  Scenario: The greeting is what was set
    Given the greeting "hello"
    Then the greeting is "hello"
