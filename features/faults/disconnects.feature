Feature: TCP tells the application when a fault breaks the connection
  Timeouts, resets, data limits, a proxy going down, a refused connect: TCP never loses data
  silently. The application sees EOF, a reset, a refusal or a connect timeout, and what was
  delivered before the fault is an exact prefix of what was sent.

  Background:
    Given a TCP echo server "srv"
    And a proxy "p" in front of "srv"

  Scenario: limit_data delivers an exact prefix, then EOF
    Given a TCP client "alice" connected to "p"
    When proxy "p" closes connections after 10 bytes downstream
    And "alice" sends "0123456789abcdefghij"
    Then "alice" receives "0123456789"
    And "alice" sees the server close the connection

  # Toxiproxy 2.12 gives a connection that was open before reset_peer was added a FIN, not an RST
  @reset-open @rst
  Scenario: reset_peer resets a connection that was already open
    Given a TCP client "alice" connected to "p"
    When proxy "p" resets connections on upstream data after 0 ms
    And "alice" sends "reset toxic payload"
    Then "alice" sees the connection reset

  @rst
  Scenario: reset_peer resets a connection opened while it is in place
    When proxy "p" resets connections on upstream data after 0 ms
    And a TCP client "alice" connects to "p"
    And "alice" sends "reset toxic payload"
    Then "alice" sees the connection reset

  Scenario: A timeout swallows the data, then closes the connection
    Given a TCP client "alice" connected to "p"
    When proxy "p" times out upstream after 300 ms
    And "alice" sends "into the void"
    Then "alice" receives nothing for 100 ms
    And "alice" sees the server close the connection

  Scenario: Removing a stall closes the connection, because data was lost
    Given a TCP client "alice" connected to "p"
    When proxy "p" stalls upstream data
    And "alice" sends "lost"
    And proxy "p" removes the toxic "timeout_upstream"
    Then "alice" sees the server close the connection

  @refusal
  Scenario: A proxy that goes down closes open connections and refuses new ones
    Given a TCP client "alice" connected to "p"
    When proxy "p" goes down
    Then "alice" sees the server close the connection
    When a TCP client "bob" tries to connect to "p"
    Then the attempt fails with "connection refused"
    When proxy "p" comes back up
    And a TCP client "carol" connects to "p"
    And "carol" sends "back"
    Then "carol" receives "back"

  @connect-faults
  Scenario: A refused connect and a connect that times out
    When proxy "p" refuses connections
    And a TCP client "bob" tries to connect to "p"
    Then the attempt fails with "connection refused"
    Given expectations wait at most 300 ms
    When proxy "p" never answers connection attempts
    And a TCP client "carol" tries to connect to "p"
    Then the attempt fails with "timed out"

  @connect-faults
  Scenario: A slow open delays the first byte, not the connect
    When proxy "p" opens connections only after 200 ms
    And a TCP client "alice" connects to "p"
    And "alice" sends the line "hello"
    Then "alice" receives the line "hello"
    # 190, not 200: the proxy's delay starts at its accept, a fraction of a millisecond apart from the client's connect
    And "alice" took at least 190 ms from connecting to its last receive
