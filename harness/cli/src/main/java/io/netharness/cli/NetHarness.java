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
    description = {"Script and test TCP and UDP conversations with Gherkin feature files,",
        "and talk TCP/UDP by hand (a network debugging assistant)."},
    subcommands = {RunCommand.class, TcpCommand.class, UdpCommand.class, ProxyCommand.class, ExploreCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Examples:", "  netharness run features/", "  netharness run --tags @smoke --threads 4 features/",
        "  netharness tcp listen 127.0.0.1:7000", "  printf 'hi\\n' | netharness tcp connect 127.0.0.1:7000",
        "  netharness udp --bind 9000", "  netharness explore --sweep loss --from 0 --to 0.5 --steps 6"})
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
    int exitCode = commandLine(Terminal.stdout(), Terminal.stderr(), Stdio.system()).execute(args);
    System.exit(exitCode);
  }

  /** A configured command line writing to the given streams; tests call {@code execute} on it. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, Stdio.system());
  }

  /** As {@link #commandLine(PrintWriter, PrintWriter)}, with the streams {@code tcp} and {@code udp} talk through. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Stdio stdio) {
    CommandLine cl = new CommandLine(new NetHarness(), new StdioFactory(stdio));
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(ErrorHandlers::onBadInput);
    cl.setExecutionExceptionHandler(ErrorHandlers::onExecutionError);
    return cl;
  }
}
