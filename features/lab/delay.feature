@lab
Feature: Packet lab: a slow link, for real
  The wire holds every packet 50 ms in each direction, so a round trip takes at least 100 ms: the
  kernel's handshake pays one before the first byte, and an echo pays another.

  Scenario: Over a 50 ms link each way, an echo takes at least a round trip
    Given a packet lab with seed 1
    And the lab wire delays the packets from host "a" by 50 ms
    And the lab wire delays the packets from host "b" by 50 ms
    And a TCP echo server "echo" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "echo"
    When "alice" sends "hello"
    Then "alice" receives "hello"
    And "alice" took at least 100 ms from its first send to its last receive
    And the lab capture shows the TCP handshake before the first data byte

  Scenario: Under 20 ms of delay with 10 ms of jitter each packet waits its own time, and none overtakes another
    Given a packet lab with seed 3
    And the lab wire delays the packets from host "a" by 20 ms with 10 ms of jitter
    And the lab wire delays the packets from host "b" by 20 ms with 10 ms of jitter
    And a TCP echo server "echo" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "echo"
    When "alice" sends 50 numbered lines
    Then "alice" receives 50 numbered lines, complete and in order
    And the lab wire held the packets from host "a" between 10 ms and 30 ms, spread over at least 10 ms
    And the lab wire held the packets from host "b" between 10 ms and 30 ms, spread over at least 10 ms
    And the kernel counter "TcpExt.TCPOFOQueue" of lab host "b" is 0
    And the kernel counter "TcpExt.TCPOFOQueue" of lab host "a" is 0
    And the kernel's TCP_INFO of "alice" shows a smoothed RTT of at least 20 ms
