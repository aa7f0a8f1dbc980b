Feature: A client that half-closes still gets its answer
  A client can shut down only its output (FIN; Python's sock.shutdown(socket.SHUT_WR)) to say
  "that is the whole request" and still read the response. By default a server closes its side
  when it sees the FIN, as the tutorial's server does on an empty read; a scenario can choose to
  keep the connection open and reply.

  Scenario: Request, half-close, response
    Given a TCP server "srv"
    And "srv" keeps connections open after a client's FIN
    And a TCP client "alice" connected to "srv"
    When "alice" sends the line "GET /report"
    And "alice" shuts down its output
    Then "srv" sees "alice" disconnect
    When "srv" replies the line "200 OK" to "alice"
    And "srv" closes the connection to "alice"
    Then "alice" receives the line "200 OK"
    And "alice" sees the server close the connection

  Scenario: By default the server closes when the client half-closes
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends the line "GET /report"
    And "alice" shuts down its output
    Then "srv" sees "alice" disconnect
    And "alice" sees the server close the connection

  Scenario: A scripted server answers a request that ends with the client's FIN
    Given a TCP server "srv" that replies "pong" to "ping"
    And "srv" keeps connections open after a client's FIN
    And a TCP client "alice" connected to "srv"
    When "alice" sends "ping"
    And "alice" shuts down its output
    Then "alice" receives "pong"
    When "srv" closes the connection to "alice"
    Then "alice" sees the server close the connection
