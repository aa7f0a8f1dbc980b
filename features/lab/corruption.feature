@lab
Feature: Packet lab: checksums catch corruption; TCP repairs the stream, UDP loses the datagram
  The wire inverts one byte in a seeded 10% of host "a"'s packets and leaves the checksum as it
  was. The receiving kernel checks every TCP and UDP checksum and drops what fails (InCsumErrors):
  TCP sends the segment again, so the stream arrives intact; the corrupted UDP datagrams are lost.

  Scenario: TCP repairs corrupted segments
    Given a packet lab with seed 5
    And the lab wire corrupts 10% of the packets from host "a"
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 200 numbered lines
    Then "srv" receives 200 numbered lines from "alice", complete and in order
    And the kernel of lab host "b" dropped every corrupted TCP packet by its checksum
    And the kernel of lab host "a" counted TCP retransmissions

  Scenario: UDP loses corrupted datagrams
    Given a packet lab with seed 5
    And the lab wire corrupts 10% of the packets from host "a"
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" got the 200 numbered datagrams from "tx" with some lost
    And the kernel of lab host "b" dropped every corrupted UDP packet by its checksum
