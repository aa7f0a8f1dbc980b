Feature: Latency and bandwidth slow TCP down, but lose nothing
  A fault proxy sits between the client and the server. Latency delays each chunk; a bandwidth
  limit spreads the bytes out over time. TCP still delivers every byte, in order: the only
  thing the application notices is time.

  Background:
    Given a TCP echo server "srv"
    And a proxy "slow" in front of "srv"

  Scenario: 200 ms of latency downstream delays the reply by at least 200 ms
    Given a TCP client "alice" connected to "slow"
    When proxy "slow" adds 200 ms latency downstream
    And "alice" sends 20 numbered lines
    Then "alice" receives 20 numbered lines, complete and in order
    And "alice" took at least 200 ms from its first send to its last receive

  Scenario: Latency each way adds up
    Given a TCP client "alice" connected to "slow"
    When proxy "slow" adds 100 ms latency upstream
    And proxy "slow" adds 100 ms latency downstream
    And "alice" sends the line "ping"
    Then "alice" receives the line "ping"
    And "alice" took at least 200 ms from its first send to its last receive

  Scenario: Jitter varies the delay but never reorders
    Given a TCP client "alice" connected to "slow"
    When proxy "slow" adds 50 ms latency with 40 ms jitter downstream
    And "alice" sends 200 numbered lines
    Then "alice" receives 200 numbered lines, complete and in order
    And "alice" took at least 10 ms from its first send to its last receive

  @slow
  Scenario: 1 MiB at 64 KB/s arrives intact and takes at least the time the rate implies
    Given a TCP file server "files"
    And "files" offers a generated file "one-mib.bin" of 1 MiB
    And a proxy "narrow" in front of "files"
    When proxy "narrow" limits bandwidth to 64 KB/s downstream
    And "alice" downloads "one-mib.bin" from "files" through "narrow"
    Then the download of "one-mib.bin" by "alice" matches the served file's SHA-256
    And "alice" took at least 16 s from its first send to its last receive

  Scenario: Without a toxic, 64 MiB go through the proxy byte for byte
    Given a TCP file server "files"
    And "files" offers a generated file "big.bin" of 64 MiB
    And a proxy "plain" in front of "files"
    When "alice" downloads "big.bin" from "files" through "plain"
    Then the download of "big.bin" by "alice" matches the served file's SHA-256

  Scenario: Bandwidth zero holds the data until the toxic is removed
    Given a TCP client "alice" connected to "slow"
    When proxy "slow" limits bandwidth to 0 KB/s downstream
    And "alice" sends "held back"
    Then "alice" receives nothing for 300 ms
    When proxy "slow" removes the toxic "bandwidth_downstream"
    Then "alice" receives "held back"
