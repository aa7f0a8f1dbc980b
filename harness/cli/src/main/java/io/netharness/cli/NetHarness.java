package io.netharness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of the {@code netharness} command line. */
@Command(
    name = "netharness",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Script and test TCP and UDP conversations with Gherkin feature files.",
    subcommands = {RunCommand.class, ProxyCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Examples:", "  netharness run features/", "  netharness run --tags @smoke --threads 4 features/"})
public final class NetHarness implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("netharness: missing command; try 'netharness run [PATH...]'");
    spec.commandLine().usage(err);
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    int exitCode = commandLine(Terminal.stdout(), Terminal.stderr()).execute(args);
    System.exit(exitCode);
  }

  /** A configured command line writing to the given streams; tests call {@code execute} on it. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new NetHarness());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(ErrorHandlers::onBadInput);
    cl.setExecutionExceptionHandler(ErrorHandlers::onExecutionError);
    return cl;
  }
}
