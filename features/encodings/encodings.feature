Feature: The same text is different bytes in different encodings
  str.encode() and bytes.decode() from the tutorial: GBK and UTF-8 turn the same Chinese text
  into different bytes. When the two sides agree on the encoding the text round-trips; when
  they disagree the receiver reads garbage.

  Scenario: GBK and UTF-8 give different bytes for the same text
    Then "哈哈呵呵呵" encoded as GBK is hex "b9 fe b9 fe ba c7 ba c7 ba c7"
    And "哈哈呵呵呵" encoded as UTF-8 is hex "e5 93 88 e5 93 88 e5 91 b5 e5 91 b5 e5 91 b5"

  Scenario: GB18030 extends GBK, Big5 is another family altogether
    Then "你好" encoded as GB18030 is hex "c4 e3 ba c3"
    And "你好" encoded as GBK is hex "c4 e3 ba c3"
    And "你好" encoded as Big5 is hex "a7 41 a6 6e"
    And "😀" encoded as GB18030 is hex "94 39 fc 36"

  Scenario: Text sent as GBK arrives as the GBK bytes and round-trips
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "哈哈呵呵呵" encoded as GBK
    Then "srv" receives hex "b9 fe b9 fe ba c7 ba c7 ba c7" from "alice"
    And what "srv" received from "alice", decoded as GBK, reads "哈哈呵呵呵"

  Scenario: Decoding GBK bytes as UTF-8 gives garbage
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "哈哈" encoded as GBK
    Then what "srv" received from "alice" is not valid UTF-8
    And what "srv" received from "alice", decoded as UTF-8, does not read "哈哈"
    And what "srv" received from "alice", decoded as UTF-8, reads "����"

  Scenario: Decoding UTF-8 bytes as GBK gives different characters
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "哈哈" encoded as UTF-8
    Then "srv" receives hex "e5 93 88 e5 93 88" from "alice"
    And what "srv" received from "alice", decoded as GBK, reads "鍝堝搱"

  Scenario: Big5 round-trips traditional text
    Given a TCP echo server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "中文" encoded as Big5
    Then "alice" receives "中文" encoded as Big5

  Scenario: Hex and base64 payloads go out byte for byte
    Given a TCP echo server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends hex "00 01 fe ff"
    Then "alice" receives hex "00 01 fe ff"
    When "alice" sends base64 "5ZOI5ZOI"
    Then "alice" receives "哈哈"
