@lab
Feature: Packet lab: TCP retransmits what is lost, UDP does not
  The wire drops a seeded 20% of the packets host "a" sends. The kernel's TCP notices and sends
  the lost segments again, so every line arrives, in order; the capture shows the same sequence
  numbers twice. UDP datagrams that the wire dropped are gone for good.

  Scenario: TCP under 20% loss delivers everything and the kernel counts retransmissions
    Given a packet lab with seed 42
    And the lab wire loses 20% of the packets from host "a"
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 200 numbered lines
    Then "srv" receives 200 numbered lines from "alice", complete and in order
    And the lab wire dropped packets from host "a"
    And the kernel of lab host "a" counted TCP retransmissions
    And the kernel's TCP_INFO of "alice" shows retransmissions
    And the lab capture shows TCP segments sent again

  Scenario: UDP under 20% loss loses datagrams
    Given a packet lab with seed 42
    And the lab wire loses 20% of the packets from host "a"
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" got the 200 numbered datagrams from "tx" with some lost

  Scenario: The same seed drops the same datagrams again
    Given a packet lab with seed 42
    And the lab wire loses 20% of the packets from host "a"
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" got the 200 numbered datagrams from "tx" with some lost
    And a second lab with the same seed gives the same fates to 200 numbered datagrams from host "a"

  Scenario: UDP under bursty loss loses runs of datagrams
    Given a packet lab with seed 42
    And the lab wire loses 20% of the packets from host "a" in bursts of 4
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" got the 200 numbered datagrams from "tx" with some lost
