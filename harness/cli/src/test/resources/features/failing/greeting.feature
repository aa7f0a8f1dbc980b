Feature: Greeting that goes wrong

  Scenario: The greeting is checked against the wrong text
    Given the greeting "hello"
    Then the greeting is "goodbye"

  Scenario: A step nobody defined
    Given a step that no glue defines
