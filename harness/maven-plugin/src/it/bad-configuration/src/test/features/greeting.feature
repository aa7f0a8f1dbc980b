Feature: A client talks to a server

  Scenario: The server replies on the client's own connection
    Given a TCP server "srv" that replies "收到" to "你好"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "你好"
    Then "alice" receives "收到"

  @slow
  Scenario: Left out by the tag expression
    Given a TCP server "srv"
