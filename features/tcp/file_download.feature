Feature: Downloading a file over TCP
  The tutorial's file download: the client sends a file name, the server sends the file's
  bytes and closes the connection to mark the end. TCP delivers every byte intact, even
  100 MiB; a name outside the served folder is refused.

  Background:
    Given a TCP file server "files"
    And "files" offers the fixture "files/hello.txt"
    And "files" offers a generated file "big.bin" of 100 MiB

  Scenario: A fixture file arrives intact
    When "alice" downloads "hello.txt" from "files"
    Then the download of "hello.txt" by "alice" matches the served file's SHA-256

  Scenario: A 100 MiB file arrives intact
    When "alice" downloads "big.bin" from "files"
    Then the download of "big.bin" by "alice" matches the served file's SHA-256

  Scenario: A name that escapes the served folder is refused
    When "mallory" downloads "../etc/passwd" from "files"
    Then "mallory" is refused with "outside the served folder"

  Scenario: A file that does not exist is refused
    When "alice" downloads "nope.txt" from "files"
    Then "alice" is refused with "no such file"
