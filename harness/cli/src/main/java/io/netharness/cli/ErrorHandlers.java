package io.netharness.cli;

import io.netharness.HarnessException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns exceptions into one clear line on stderr and an exit code, never a stack trace. */
final class ErrorHandlers {
  private ErrorHandlers() {}

  static int onBadInput(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    err.println(cl.getColorScheme().errorText(name + ": " + ex.getMessage()));
    if (!(ex instanceof BadInputException) && !UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println("Run '" + name + " --help' for the options.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  static int onExecutionError(Exception ex, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    // A HarnessException's message is complete (what happened, what to do); its causes would only add noise.
    String message = ex instanceof HarnessException && ex.getMessage() != null ? ex.getMessage() : describe(ex);
    err.println(cl.getColorScheme().errorText(name + ": " + message));
    err.flush();
    return ExitCodes.USAGE;
  }

  /** The message chain on one line: "outer message: cause message". */
  static String describe(Throwable ex) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      if (text.indexOf(message) >= 0) {
        continue;
      }
      if (text.length() > 0) {
        text.append(": ");
      }
      text.append(message.replace(System.lineSeparator(), " ").replace('\n', ' '));
    }
    return text.toString();
  }
}
