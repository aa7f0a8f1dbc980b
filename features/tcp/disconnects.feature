Feature: How a connection ends
  TCP tells the application how its peer left: a clean close (FIN, an empty read) or a
  reset (RST, "connection reset by peer"). Nothing is silently lost.

  Scenario: The server sees the client reset the connection
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "half a mess"
    And "alice" aborts the connection
    Then "srv" sees "alice" reset the connection
    And "srv" receives "half a mess" from "alice"

  Scenario: The client sees the server close after a number of bytes
    Given a TCP server "srv" that closes the connection after 5 bytes
    And a TCP client "alice" connected to "srv"
    When "alice" sends "12345"
    Then "alice" sees the server close the connection

  Scenario: The client sees the server reset after a number of bytes
    Given a TCP server "srv" that resets the connection after 5 bytes
    And a TCP client "alice" connected to "srv"
    When "alice" sends "12345"
    Then "alice" sees the connection reset

  Scenario: Connecting to a port where nobody listens is refused
    When a TCP client "bob" tries to connect to a port where nobody listens
    Then the attempt fails with "connection refused"

  Scenario: A server cannot listen on a port that is already in use
    Given a TCP server "first"
    When a TCP server "second" tries to listen on the port of "first"
    Then the attempt fails with "address already in use"
