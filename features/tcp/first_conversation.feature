Feature: A client talks to a server
  The tutorial's first programs: a TCP client connects, sends encoded text and closes;
  a TCP server binds, listens with a backlog of 128, accepts, and receives until the client
  closes — an empty read means the client disconnected.

  Scenario: The server receives the text the client sends
    Given a TCP server "srv"
    When a TCP client "alice" connects to "srv"
    And "alice" sends "哈哈呵呵呵"
    Then "srv" receives "哈哈呵呵呵" from "alice"

  Scenario: The server keeps receiving until the client closes
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "first, "
    And "alice" sends "second, "
    And "alice" sends "third"
    And "alice" closes the connection
    Then "srv" sees "alice" disconnect
    And "srv" receives "first, second, third" from "alice"

  Scenario: The server replies on the client's own connection
    Given a TCP server "srv" that replies "收到" to "你好"
    And a TCP client "alice" connected to "srv"
    And a TCP client "bob" connected to "srv"
    When "alice" sends "你好"
    Then "alice" receives "收到"
    And "bob" receives nothing for 200 ms

  Scenario: The server answers one client by hand
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends the line "what time is it?"
    And "srv" replies the line "tea time" to "alice"
    Then "alice" receives the line "tea time"

  Scenario: A half-closed client still receives the reply
    Given a TCP echo server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "last words"
    And "alice" shuts down its output
    Then "alice" receives "last words"
    And "alice" sees the server close the connection

  Scenario: IPv6 loopback works too
    Given a TCP echo server "srv6" on IPv6 loopback
    And a TCP client "alice" connected to "srv6"
    When "alice" sends "over ::1"
    Then "alice" receives "over ::1"
