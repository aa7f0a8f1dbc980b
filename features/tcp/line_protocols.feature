Feature: Line protocols with CRLF, and binary replies
  SMTP, HTTP/1.1, POP3 and Redis end lines with CR LF; device gateways acknowledge frames with
  bytes. Both directions can be scripted and checked byte for byte.

  Scenario: An SMTP-style conversation in CRLF lines
    Given a TCP server "smtp" that replies to each CRLF line with:
      | request     | reply                |
      | EHLO tester | 250 smtp.example.org |
      | QUIT        | 221 bye              |
    And a TCP client "alice" connected to "smtp"
    When "alice" sends the line "EHLO tester" ending with CRLF
    Then "alice" receives the line "250 smtp.example.org" ending with CRLF
    When "alice" sends the line "QUIT" ending with CRLF
    Then "alice" receives hex "32 32 31 20 62 79 65 0d 0a"
    And "smtp" receives hex "45 48 4c 4f 20 74 65 73 74 65 72 0d 0a 51 55 49 54 0d 0a" from "alice"

  Scenario: A server answers by hand in CRLF and in bytes
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "srv" replies the line "+OK" ending with CRLF to "alice"
    And "srv" replies hex "06" to "alice"
    Then "alice" receives hex "2b 4f 4b 0d 0a 06"

  Scenario: A device gateway acknowledges a frame with one byte
    Given a TCP server "gateway" that replies hex "06" to hex "02 00 05 68 65 6c 6c 6f 03"
    And a TCP client "device" connected to "gateway"
    When "device" sends hex "02 00 05 68 65 6c 6c 6f 03"
    Then "device" receives hex "06"
    When "device" sends hex "02 00 05"
    And "device" sends hex "68 65 6c 6c 6f 03"
    Then "device" receives hex "06"

  Scenario: A CRLF-delimited stream is cut at CR LF, written with or without spaces
    Given a TCP server "srv" with delimiter hex 0d0a framing
    And a TCP client "alice" connected to "srv"
    When "alice" sends "one"
    And "alice" sends hex "0d 0a"
    And "alice" sends the line "two" ending with CRLF
    Then the messages "srv" received from "alice" as delimiter hex 0d 0a are:
      | one |
      | two |
