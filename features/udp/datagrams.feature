Feature: UDP sends datagrams
  UDP has no connection: each send is one datagram that arrives whole or not at all, and
  nobody tells the sender when nothing listens. Compare with TCP's "connection refused".

  Scenario: Datagrams keep their boundaries
    Given a UDP peer "a"
    And a UDP peer "b"
    When "a" sends these datagrams to "b":
      | one   |
      | two   |
      | three |
    Then "b" receives these datagrams, each whole and in order:
      | one   |
      | two   |
      | three |
    And the datagram "two" received by "b" came from "a"

  Scenario: A peer replies to the sender's address
    Given a UDP peer "a"
    And a UDP peer "b"
    When "a" sends the datagram "ping" to "b"
    Then "b" receives the datagram "ping"
    When "b" sends the datagram "pong" to "a"
    Then "a" receives the datagram "pong"

  Scenario: Sending to a port where nobody listens raises no error
    Given a UDP peer "a"
    When "a" sends the datagram "anyone there?" to a port where nobody listens
    Then "a" has sent 1 datagram without an error

  Scenario: TCP, by contrast, is refused
    When a TCP client "bob" tries to connect to a port where nobody listens
    Then the attempt fails with "connection refused"
