@udp @seeded
Feature: UDP under impairment: loss, duplicates and reordering reach the application
  A UDP relay between two peers loses, duplicates and reorders datagrams. Nothing repairs it:
  the receiver sees the gaps, the copies and the disorder in its sequence numbers, and the
  sender is never told. With a seed, datagram n meets the same fate on every run.

  Background:
    Given a UDP peer "a"
    And a UDP peer "b"

  Scenario: The same seed loses the same datagrams, and the sender is never told
    Given a UDP relay "first" in front of "b" with seed 42 that impairs upstream datagrams with:
      | loss | 20% |
    And a UDP relay "second" in front of "b" with seed 42 that impairs upstream datagrams with:
      | loss | 20% |
    When "a" sends 200 numbered datagrams to "first"
    And "a" sends 200 numbered datagrams to "second"
    Then of 200 datagrams each, relays "first" and "second" dropped the same ones
    And "a" was never told about a lost datagram

  Scenario: Loss, duplicates and reordering show in the receiver's sequence numbers
    Given a UDP relay "bad-link" in front of "b" with seed 7 that impairs upstream datagrams with:
      | loss      | 20% |
      | duplicate | 10% |
      | reorder   | 10% |
    When "a" sends 500 numbered datagrams to "bad-link"
    Then the delivery to "b" of 500 numbered datagrams from "a" through "bad-link" is incomplete
    And "a" was never told about a lost datagram
