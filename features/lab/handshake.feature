@lab
Feature: Packet lab: TCP sets up a connection first, UDP just sends
  Two hosts in their own network namespaces, joined by a wire in the JVM that captures every IP
  packet. The kernel's TCP opens with SYN, SYN-ACK, ACK before the first byte of data; UDP's first
  packet already carries the data.

  Scenario: TCP shakes hands before the first data byte
    Given a packet lab with seed 1
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    When "alice" sends "hello"
    Then "srv" receives "hello" from "alice"
    And the lab capture shows the TCP handshake before the first data byte

  Scenario: UDP sends without a handshake
    Given a packet lab with seed 1
    And a UDP peer "tx" on lab host "a"
    And a UDP peer "rx" on lab host "b"
    When "tx" sends the datagram "hello" to "rx"
    Then "rx" receives the datagram "hello"
    And the lab capture shows UDP datagrams and no handshake
