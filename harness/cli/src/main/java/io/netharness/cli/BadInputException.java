package io.netharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Bad input whose message already names the option and the fix, so it is printed as one line. */
final class BadInputException extends ParameterException {
  private static final long serialVersionUID = 1L;

  BadInputException(CommandLine commandLine, String message) {
    super(commandLine, message);
  }
}
