@lab
Feature: Packet lab: checksums catch corruption; TCP repairs the stream, UDP loses the datagram
  The wire inverts one byte in a seeded 10% of host "a"'s packets and leaves the checksum as it
  was. The receiving kernel checks every TCP and UDP checksum and drops what fails (InCsumErrors):
  TCP sends the segment again, so the stream arrives intact; the corrupted UDP datagrams are lost.
  The checksum is all that protects the data: when the wire recomputes it over the damaged packet,
  both kernels accept the damage, and TCP hands the application wrong bytes as readily as UDP.

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

  # The same seed corrupts the same packets below; only what the wire does to the checksum changes.
  Scenario: With the checksum left broken, TCP delivers every byte as sent
    Given a packet lab with seed 5
    And the lab wire corrupts 10% of the packets from host "a"
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 100000 random bytes with seed 2
    Then "srv" receives exactly the 100000 random bytes with seed 2 from "alice"
    And the kernel of lab host "b" dropped every corrupted TCP packet by its checksum

  Scenario: With the checksum recomputed, TCP delivers the corrupted bytes
    Given a packet lab with seed 5
    And the lab wire corrupts 10% of the packets from host "a" and recomputes their checksums
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 100000 random bytes with seed 2
    Then "srv" receives 100000 bytes from "alice" that are not the random bytes with seed 2
    And the lab wire corrupted packets from host "a"
    And the kernel counter "Tcp.InCsumErrors" of lab host "b" is 0

  Scenario: With the checksum recomputed, UDP delivers the corrupted datagrams
    Given a packet lab with seed 5
    And the lab wire corrupts 10% of the packets from host "a" and recomputes their checksums
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" received the 200 numbered datagrams from "tx", each one the lab wire corrupted with wrong bytes
