Feature: A TCP chat room
  The tutorial's chat room: every line a client says is broadcast to every other client,
  never echoed to the speaker; joins and leaves are announced. A client's first line is its
  name, and the room greets it before anyone else hears of it.

  Background:
    Given a TCP chat room server "room"
    And "alice" joins the chat room "room"
    And "bob" joins the chat room "room"
    And "carol" joins the chat room "room"
    Then "alice" receives the line "* bob joined"
    And "alice" receives the line "* carol joined"
    And "bob" receives the line "* carol joined"

  Scenario: One speaks, the other two hear it, the speaker does not
    When "alice" sends the line "hello, room"
    Then "bob" receives the line "alice: hello, room"
    And "carol" receives the line "alice: hello, room"
    And "alice" receives nothing for 200 ms

  Scenario: When a client leaves, the others are told
    When "carol" closes the connection
    Then "alice" receives the line "* carol left"
    And "bob" receives the line "* carol left"
