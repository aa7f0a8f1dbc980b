@lab
Feature: Packet lab: a slow link with a short queue; TCP backs off, UDP overflows it
  The wire sends host "a"'s packets through a token bucket at a fixed rate, with a queue of a few
  packets in front of it; a packet that finds the queue full is dropped, as a router's full buffer
  does. TCP's congestion control meets those drops as losses: the kernel retransmits, and every byte
  still arrives in order. UDP knows nothing of the rate: what the sender sends faster than the link
  carries overflows the queue and is gone.

  Scenario: TCP through a 1 Mbit/s wire with a queue of 5 packets delivers everything
    Given a packet lab with seed 8
    And the lab wire carries 1000 kbit/s from host "a" with a queue of 5 packets
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 2000 numbered lines
    Then "srv" receives 2000 numbered lines from "alice", complete and in order
    And the lab wire queue-dropped packets from host "a"
    And the kernel of lab host "a" counted TCP retransmissions

  Scenario: UDP sent faster than a 100 kbit/s wire loses what overflows its queue
    Given a packet lab with seed 8
    And the lab wire carries 100 kbit/s from host "a" with a queue of 10 packets
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends 200 numbered datagrams to "rx"
    Then "rx" got the 200 numbered datagrams from "tx" less exactly the ones the lab wire dropped
    And the lab wire queue-dropped packets from host "a"
