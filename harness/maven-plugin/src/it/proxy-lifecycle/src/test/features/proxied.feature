Feature: Through the Toxiproxy API that proxy-start started

  Scenario: An echo through a proxy on that server
    Given a TCP echo server "srv"
    And a proxy "p" in front of "srv"
    And a TCP client "bob" connected to "p"
    When "bob" sends "ping"
    Then "bob" receives "ping"

  Scenario: A scenario that fails does not keep the server running
    Given expectations wait at most 500 ms
    And a TCP echo server "srv"
    And a proxy "q" in front of "srv"
    And a TCP client "bob" connected to "q"
    When "bob" sends "ping"
    Then "bob" receives "pong"
