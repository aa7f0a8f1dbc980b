@lab
Feature: Packet lab: TCP drops duplicates, UDP delivers them
  The wire delivers a seeded 20% of host "a"'s packets twice. TCP's sequence numbers let the
  receiving kernel throw the second copy away; UDP hands both copies to the application.

  Scenario: TCP delivers each byte once under 20% duplication
    Given a packet lab with seed 7
    And the lab wire duplicates 20% of the packets from host "a"
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 200 numbered lines
    Then "srv" receives 200 numbered lines from "alice", complete and in order
    And "srv" received each byte "alice" sent exactly once
    And the lab wire duplicated packets from host "a"

  Scenario: UDP delivers duplicates under 20% duplication
    Given a packet lab with seed 7
    And the lab wire duplicates 20% of the packets from host "a"
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" got the 200 numbered datagrams from "tx" with some duplicated
