@triggers
Feature: A fault that strikes after a given message
  A content trigger lets traffic through untouched until a byte pattern has passed, then the
  fault acts: "let the login succeed, then cut the connection". Toxiproxy cannot do this.

  Background:
    Given a TCP echo server "srv"
    And a proxy "p" in front of "srv"
    And a TCP client "alice" connected to "p"

  Scenario: The connection is cut right after the login reply
    When proxy "p" cuts connections once "LOGIN OK" has passed downstream
    And "alice" sends "LOGIN OK"
    Then "alice" receives "LOGIN OK"
    And "alice" sees the server close the connection

  Scenario: The connection is reset once a command has passed upstream
    When proxy "p" resets connections once "DELETE" has passed upstream
    And "alice" sends the line "SELECT"
    Then "alice" receives the line "SELECT"
    When "alice" sends the line "DELETE"
    Then "alice" sees the connection reset
