@lab
Feature: Packet lab: TCP puts segments back in order, UDP does not
  The wire holds a seeded 30% of host "a"'s packets back and lets them go after the next one.
  The receiving kernel queues TCP segments that arrive early until the gap is filled, so the
  application reads the bytes in order; UDP datagrams arrive in the order the wire delivered them.

  Scenario: TCP delivers in order under 30% reordering
    Given a packet lab with seed 3
    And the lab wire reorders 30% of the packets from host "a"
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 200 numbered lines
    Then "srv" receives 200 numbered lines from "alice", complete and in order
    And the lab wire reordered packets from host "a"
    And the kernel counter "TcpExt.TCPOFOQueue" of lab host "b" is above 0

  Scenario: UDP delivers out of order under 30% reordering
    Given a packet lab with seed 3
    And the lab wire reorders 30% of the packets from host "a"
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" got the 200 numbered datagrams from "tx" with some reordered
