@udp @packet-loss @seeded
Feature: Side by side: TCP is reliable, UDP is not
  The same kind of bad network, twice. 1,000 numbered messages over TCP through latency, a
  slicer and packet loss arrive complete and in order — TCP retransmits, reorders and
  reassembles. 1,000 numbered datagrams through loss, duplication and reordering do not.
  The scenario prints a delivery table for both.

  Scenario: 1,000 messages each way through a bad network
    Given a TCP echo server "srv"
    And a proxy "bad-tcp" in front of "srv" with seed 42
    And a TCP client "alice" connected to "bad-tcp"
    And proxy "bad-tcp" adds 20 ms latency downstream
    And proxy "bad-tcp" slices downstream data into pieces of about 64 bytes
    And proxy "bad-tcp" loses 20% of downstream packets
    And a UDP peer "a"
    And a UDP peer "b"
    And a UDP relay "bad-udp" in front of "b" with seed 42 that impairs upstream datagrams with:
      | loss      | 20% |
      | duplicate | 5%  |
      | reorder   | 10% |
    When "alice" sends 1000 numbered lines
    And "a" sends 1000 numbered datagrams to "bad-udp"
    Then the delivery table for "alice" with 1000 numbered lines and "b" with 1000 numbered datagrams from "a" through "bad-udp" shows TCP complete and UDP not
