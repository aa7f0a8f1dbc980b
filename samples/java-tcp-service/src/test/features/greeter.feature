Feature: The greeter service

  Background:
    Given the greeter service is running

  Scenario: It greets by name
    Given a TCP client "alice" connected to the greeter service
    When "alice" sends the line "HELLO alice"
    Then "alice" receives the line "HI alice"

  Scenario: Two clients at once, each answered on its own connection
    Given a TCP client "alice" connected to the greeter service
    And a TCP client "bob" connected to the greeter service
    When "bob" sends the line "HELLO bob"
    And "alice" sends the line "HELLO alice"
    Then "alice" receives the line "HI alice"
    And "bob" receives the line "HI bob"

  Scenario: An unknown command gets an error, not silence
    Given a TCP client "alice" connected to the greeter service
    When "alice" sends the line "HOWDY"
    Then "alice" receives the line "ERR unknown command"

  Scenario: BYE ends the conversation
    Given a TCP client "alice" connected to the greeter service
    When "alice" sends the line "BYE"
    Then "alice" receives the line "BYE"
    And "alice" sees the server close the connection
