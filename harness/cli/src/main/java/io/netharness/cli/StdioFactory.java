package io.netharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates the debugging-assistant commands with the given {@link Stdio}; everything else as picocli would. */
final class StdioFactory implements IFactory {
  private final Stdio stdio;
  private final IFactory fallback = CommandLine.defaultFactory();

  StdioFactory(Stdio stdio) {
    this.stdio = stdio;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == TcpConnectCommand.class) {
      return type.cast(new TcpConnectCommand(stdio));
    }
    if (type == TcpListenCommand.class) {
      return type.cast(new TcpListenCommand(stdio));
    }
    if (type == UdpCommand.class) {
      return type.cast(new UdpCommand(stdio));
    }
    return fallback.create(type);
  }
}
