Feature: Scripted servers and a server that talks first
  A server can follow a script ("when it receives X it sends Y"), answer one client by hand,
  broadcast to every client, or hang up on one of them.

  Scenario: A line-by-line script
    Given a TCP server "srv" that replies to each line with:
      | request | reply        |
      | HELLO   | 200 welcome  |
      | TIME    | 200 12:00:00 |
      | QUIT    | 221 bye      |
    And a TCP client "alice" connected to "srv"
    When "alice" sends the line "HELLO"
    Then "alice" receives text matching "200 welcome\n"
    When "alice" sends the line "TIME"
    Then "alice" receives a line matching "200 \d\d:\d\d:\d\d"
    When "alice" sends the line "QUIT"
    Then "alice" receives the line "221 bye"

  Scenario: The server speaks to every client, then hangs up on one and resets the other
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    And a TCP client "bob" connected to "srv"
    And "srv" has accepted 2 connections
    When "srv" sends "news" to every client
    Then "alice" receives "news"
    And "bob" receives "news"
    When "srv" replies "just for you" to "alice"
    Then "alice" receives "just for you"
    When "srv" closes the connection to "alice"
    And "srv" resets the connection to "bob"
    Then "alice" sees the server close the connection
    And "bob" sees the connection reset

  Scenario: A framing server sees whole frames however the bytes were cut
    Given a TCP server "srv" with length-prefixed (1 byte) framing
    And a TCP client "alice" connected to "srv"
    When "alice" sends "abc" framed as length-prefixed (1 byte)
    And "alice" sends "defgh" framed as length-prefixed (1 byte)
    Then "srv" receives hex "03 61 62 63 05 64 65 66 67 68" from "alice"
    And "srv" got these messages from "alice":
      | abc   |
      | defgh |

  Scenario: A client sends a fixture file
    Given a TCP echo server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends the file "files/ping.txt"
    Then "alice" receives the line "PING"

  Scenario: Text in another charset, checked on the server
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "こんにちは" encoded as Shift_JIS
    Then "srv" receives "こんにちは" encoded as Shift_JIS from "alice"
    And hex "82 b1 82 f1" decoded as Shift_JIS reads "こん"

  Scenario: Expectations can wait less, and an attempt can be expected to succeed
    Given expectations wait at most 2 s
    And a TCP server "srv" listening on "127.0.0.1:0"
    When a TCP client "alice" tries to connect to "srv"
    Then the attempt succeeds
    When a TCP client "bob" tries to connect to "no-such-endpoint"
    Then the attempt fails with "neither an endpoint of this scenario"

  Scenario: UDP over IPv6 loopback, in hex
    Given a UDP peer "a" on IPv6 loopback
    And a UDP peer "b" on IPv6 loopback
    When "a" sends the datagram hex "ca fe" to "b"
    Then "b" receives the datagram hex "ca fe"
    And "a" receives no datagram for 100 ms
