Feature: A slicer cuts messages into many small reads
  The slicer toxic cuts every chunk into small pieces. Code that assumes "one read = one
  message" breaks; line or length-prefixed framing recovers every message intact.

  Background:
    Given a TCP server "srv"
    And a proxy "slicer" in front of "srv"
    And a TCP client "alice" connected to "slicer"
    And proxy "slicer" slices upstream data into pieces of about 4 bytes

  @slice-boundaries
  Scenario: Lines arrive in pieces, and line framing puts them back together
    When "alice" sends the line "the quick brown fox"
    And "alice" sends the line "jumps over the lazy dog"
    Then "srv" receives 44 bytes from "alice"
    And "srv" got the bytes from "alice" in at least 2 reads
    And the messages "srv" received from "alice" as lines are:
      | the quick brown fox     |
      | jumps over the lazy dog |

  @touched
  Scenario: The slicer really acted on the traffic
    When "alice" sends the line "proof"
    Then "srv" receives 6 bytes from "alice"
    And the toxic "slicer_upstream" of proxy "slicer" has acted on traffic

  @slice-boundaries
  Scenario: Length-prefixed messages survive slicing too
    When "alice" sends "first message" framed as length-prefixed (2 bytes)
    And "alice" sends "second" framed as length-prefixed (2 bytes)
    Then "srv" receives 23 bytes from "alice"
    And "srv" got the bytes from "alice" in at least 2 reads
    And the messages "srv" received from "alice" as length-prefixed (2 bytes) are:
      | first message |
      | second        |
