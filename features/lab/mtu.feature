@lab
Feature: Packet lab: the MTU bounds every packet; TCP cuts its stream to fit, UDP's datagram is fragmented
  Both hosts' devices have an MTU of 1000 bytes. TCP learns it at the handshake (the MSS option: 1000
  minus 40 bytes of IP and TCP headers) and never sends a segment that does not fit, setting DF on each.
  A UDP datagram is one unit that the socket cannot cut, so the sending kernel splits the IP packet into
  fragments (no DF on them) and the receiving kernel puts them back together before the socket sees it.

  Scenario: TCP segments fill the MTU and never exceed it
    Given a packet lab with seed 1 and an MTU of 1000 bytes
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends 20000 random bytes with seed 2
    Then "srv" receives exactly the 20000 random bytes with seed 2 from "alice"
    And the largest packet in the lab capture is 1000 bytes

  Scenario: A UDP datagram larger than the MTU leaves in IP fragments and arrives whole
    Given a packet lab with seed 1 and an MTU of 1000 bytes
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends a datagram of 3000 random bytes with seed 7 to "rx"
    Then "rx" receives the datagram of 3000 random bytes with seed 7, whole
    And the lab capture shows host "a" sending one datagram in 4 IP fragments
    And the largest packet in the lab capture is 996 bytes
