package io.netharness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netharness tcp}: the TCP side of the network debugging assistant. */
@Command(
    name = "tcp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Talk TCP by hand or from a script: connect to a server, or listen for clients.",
    subcommands = {TcpConnectCommand.class, TcpListenCommand.class})
final class TcpCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("netharness tcp: missing command; try 'netharness tcp connect HOST:PORT'"
        + " or 'netharness tcp listen [HOST:]PORT'");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
