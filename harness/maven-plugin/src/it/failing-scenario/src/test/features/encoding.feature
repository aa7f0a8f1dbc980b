Feature: Encodings

  Scenario: Both sides agree on UTF-8
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "哈哈"
    Then "srv" receives "哈哈" from "alice"

  Scenario: The sender and the receiver disagree on the encoding
    Given expectations wait at most 1 s
    And a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "哈哈" encoded as GBK
    Then "srv" receives "哈哈" from "alice"
