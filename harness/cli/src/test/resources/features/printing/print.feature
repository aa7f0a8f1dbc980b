Feature: Printing

  Scenario: A step prints to System.out
    Given the greeting "hello"
    Then the greeting is printed
