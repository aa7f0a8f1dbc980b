@lab
Feature: Packet lab: TCP's flow control holds the sender back; UDP's receive buffer overflows
  A receiver that stops reading: TCP's receive window fills, host "b" advertises a window of 0
  (visible in the capture), the sender waits, and when the reader resumes every byte arrives. A UDP
  socket nobody reads fills its receive buffer, and the kernel drops what does not fit and counts it
  (Udp.RcvbufErrors); the sender is never told. Host "a" gets a send buffer that takes the whole
  400 KB at once, so the send returns while "b"'s window is closed instead of waiting for it.

  Scenario: A reader that stops closes TCP's window, and nothing is lost
    Given a packet lab with seed 1
    And lab host "a" sets "net.ipv4.tcp_wmem" to "4096 1048576 4194304"
    And a TCP server "srv" on lab host "b"
    And a TCP client "alice" on lab host "a" connected to "srv"
    And "srv" has 1 open connection
    And "srv" pauses reading
    When "alice" sends 400000 random bytes with seed 1
    Then the lab capture shows host "b" advertising a zero window
    When "srv" resumes reading
    Then "srv" received each byte "alice" sent exactly once

  Scenario: A UDP socket nobody reads overflows, and the kernel counts the drops
    Given a packet lab with seed 1
    And a UDP peer "tx" on lab host "a"
    And a UDP socket on lab host "b" port 9000 that nobody reads
    When "tx" sends 1000 numbered datagrams to "10.77.0.2:9000"
    Then the kernel counter "Udp.RcvbufErrors" of lab host "b" is above 0
    And "tx" has sent 1000 datagrams without an error
