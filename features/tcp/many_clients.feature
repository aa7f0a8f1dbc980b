Feature: Many clients at once
  "Like a customer service line": the server handles each connection on its own, so no
  client waits for another.

  Scenario: 200 clients connected at the same time each get their own reply
    Given a TCP echo server "srv"
    When 200 TCP clients connect to "srv"
    Then "srv" has 200 open connections
    When every client sends its own name as a line
    Then every client receives its own name back as a line
