Feature: TCP is a byte stream, not a message stream
  TCP keeps the order of the bytes, not the boundaries of the sends: two quick sends can
  arrive in one read, and one send can arrive in several. Code that assumes "one read = one
  message" breaks; a framing (lines, length prefixes) recovers the messages.

  Scenario: Two sends arrive in a single read
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    And "srv" has 1 open connection
    And "srv" pauses reading
    When "alice" sends "hello"
    And "alice" sends "world"
    And "srv" resumes reading
    Then "srv" receives "helloworld" from "alice"
    And "srv" got the bytes from "alice" in 1 read

  Scenario: One send arrives in several reads
    Given a TCP server "srv" that reads at most 1024 bytes at a time
    And a TCP client "alice" connected to "srv"
    When "alice" sends 10000 random bytes with seed 7
    Then "srv" receives 10000 bytes from "alice"
    And "srv" got the bytes from "alice" in at least 10 reads

  Scenario: Line framing recovers the messages from tiny reads
    Given a TCP server "srv" that reads at most 3 bytes at a time
    And a TCP client "alice" connected to "srv"
    When "alice" sends the line "apple"
    And "alice" sends the line "banana"
    And "alice" sends the line "cherry"
    Then "srv" receives 20 bytes from "alice"
    And "srv" got the bytes from "alice" in at least 7 reads
    And the messages "srv" received from "alice" as lines are:
      | apple  |
      | banana |
      | cherry |

  Scenario: Length-prefixed framing recovers the messages too
    Given a TCP server "srv" that reads at most 2 bytes at a time
    And a TCP client "alice" connected to "srv"
    When "alice" sends "first message" framed as length-prefixed (2 bytes)
    And "alice" sends "second" framed as length-prefixed (2 bytes)
    Then "srv" receives 23 bytes from "alice"
    And the messages "srv" received from "alice" as length-prefixed (2 bytes) are:
      | first message |
      | second        |

  Scenario: A client with line framing receives whole messages
    Given a TCP echo server "srv"
    And a TCP client "alice" connected to "srv" with lines framing
    When "alice" sends the line "one"
    And "alice" sends the line "two"
    Then "alice" receives the message "one"
    And "alice" receives the message "two"

  Scenario: A receive check consumes; "has received" compares everything so far
    Given a TCP server "srv"
    And a TCP client "alice" connected to "srv"
    When "alice" sends "first, "
    Then "srv" receives "first, " from "alice"
    When "alice" sends "second"
    Then "srv" receives "second" from "alice"
    And "srv" has received "first, second" from "alice"
    And "srv" has received 13 bytes from "alice"
