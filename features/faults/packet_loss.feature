@packet-loss @seeded
Feature: TCP hides packet loss: everything arrives, only later
  With 20% of the chunks lost and retransmitted after a timeout (200 ms), TCP still delivers all
  1,000 numbered messages, complete and in order. The application only sees that it took longer:
  at least one retransmission timeout.

  Scenario: 1,000 messages through 20% loss arrive complete and in order, only later
    Given a TCP echo server "srv"
    And a proxy "clean" in front of "srv" with seed 42
    And a proxy "lossy" in front of "srv" with seed 42
    And a TCP client "alice" connected to "clean"
    And a TCP client "bob" connected to "lossy"
    When proxy "lossy" loses 20% of downstream packets
    And "alice" sends 1000 numbered lines
    And "bob" sends 1000 numbered lines
    Then "alice" receives 1000 numbered lines, complete and in order
    And "bob" receives 1000 numbered lines, complete and in order
    And "bob" took at least 200 ms from its first send to its last receive
    And the toxic "packet_loss_downstream" of proxy "lossy" has acted on traffic
