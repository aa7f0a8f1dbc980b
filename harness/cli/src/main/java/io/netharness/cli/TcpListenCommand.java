package io.netharness.cli;

import io.netharness.HostPort;
import io.netharness.server.ServerConnection;
import io.netharness.server.TcpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netharness tcp listen [HOST:]PORT}: a server for many clients. Each message is shown with its client;
 * lines typed go to every client, or to one with an {@code @N} prefix.
 */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Listen for TCP clients: shows each client connecting and leaving (with its byte counts) and every",
      "message it sends. Lines typed go to all clients; start a line with @N to send it to client N only;",
      "type @? to list the connected clients with their byte counts, @close N to close client N.",
      "Runs until Ctrl-C, or with --once until the first client disconnects."
    },
    footer = {"", "Examples:", "  netharness tcp listen 7000                  # 127.0.0.1:7000",
        "  netharness tcp listen 0.0.0.0:7000 --timestamps --encoding GBK",
        "  netharness tcp listen 127.0.0.1:0 --once   # a free port, printed on stderr",
        "  (then type)  @2 hello client two"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped (Ctrl-C, or --once and the client left)", "2:bad input, or the port cannot be bound"})
final class TcpListenCommand implements Callable<Integer> {
  private static final Pattern TO_ONE = Pattern.compile("@(\\d+)\\s?(.*)", Pattern.DOTALL);
  private static final Pattern CLOSE_ONE = Pattern.compile("@close\\s+(\\d+)\\s*");

  private final Stdio io;
  @Spec private CommandSpec spec;
  @Mixin private AssistantOptions options = new AssistantOptions();

  @Parameters(paramLabel = "[HOST:]PORT", description = "Where to listen: a port (on 127.0.0.1), 0.0.0.0:PORT for every"
      + " interface, [::1]:PORT; port 0 picks a free one.")
  private String address = "";

  @Option(names = "--once", description = "Exit when the first client disconnects.")
  private boolean once;

  @Option(names = "--keep-open", description = {"When a client shuts down its output (FIN), keep the connection open",
      "so typed lines still reach it (request, shutdown(SHUT_WR), response); @close N closes it.",
      "Default: close our side too, as the tutorial's server does on an empty read."})
  private boolean keepOpen;

  /** With the process's own stdin, stdout and stderr (how picocli's default factory creates it). */
  TcpListenCommand() {
    this(Stdio.system());
  }

  TcpListenCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    options.check(spec.commandLine());
    InetSocketAddress bind = HostPort.parse(address);
    try (Display display = new Display(io, options, true)) {
      ListenBehavior behavior = new ListenBehavior(display, options);
      TcpServer server = TcpServer.builder().name("netharness-listen").host(bind.getHostString()).port(bind.getPort())
          .behavior(behavior).closeOnClientFin(!keepOpen)
          .keepFinishedConnections(false) // runs for days: a client that left keeps only its counters
          .build().start();
      CompletableFuture<Void> stopped = new CompletableFuture<>();
      try (server; ShutdownHook hook = ShutdownHook.register("netharness-tcp-listen", () -> {
            server.close();
            stopped.complete(null);
          })) {
        display.error("[listening on " + HostPort.format(server.address()) + "]");
        Background.run("netharness-stdin", () -> new LineInput(io, options).forEachLine((text, terminated) -> {
          send(server, display, text, terminated);
          return true;
        }));
        (once ? behavior.firstDisconnect() : stopped).join();
      }
      return ExitCodes.OK;
    }
  }

  /**
   * A typed line: {@code @N text} goes to client N, {@code @?} lists the clients, anything else goes to every open
   * client.
   */
  private void send(TcpServer server, Display display, String text, boolean terminated) {
    if (text.strip().equals("@?")) {
      display.error(clientList(server));
      return;
    }
    Matcher close = CLOSE_ONE.matcher(text);
    if (close.matches()) {
      int index = Integer.parseInt(close.group(1));
      server.connections().stream().filter(c -> c.index() == index && c.isOpen()).findFirst().ifPresentOrElse(
          ServerConnection::close,
          () -> display.error("[no open client " + index + "; open: " + openClients(server) + "]"));
      return;
    }
    Matcher one = TO_ONE.matcher(text);
    List<ServerConnection> targets;
    String body = text;
    if (one.matches()) {
      int index = Integer.parseInt(one.group(1));
      body = one.group(2);
      targets = server.connections().stream().filter(c -> c.index() == index && c.canSend()).toList();
      if (targets.isEmpty()) {
        display.error("[no open client " + index + "; open: " + openClients(server) + "; line not sent]");
        return;
      }
    } else {
      targets = server.connections().stream().filter(ServerConnection::canSend).toList();
      if (targets.isEmpty()) {
        display.error("[no client connected; line not sent]");
        return;
      }
    }
    byte[] bytes;
    try {
      bytes = new LineInput(io, options).encode(body, terminated);
    } catch (RuntimeException e) {
      display.error(e.getMessage() + " (line not sent)");
      return;
    }
    for (ServerConnection connection : targets) {
      if (connection.trySend(bytes)) {
        display.sent(ListenBehavior.label(connection), bytes);
      } else {
        display.error("[client " + connection.index() + " left: " + connection.state() + "; line not sent]");
      }
    }
  }

  /** {@code [clients: 1 127.0.0.1:5000 (3 B in, 5 B out), 2 ...]}, open ones only. */
  static String clientList(TcpServer server) {
    String open = server.connections().stream().filter(ServerConnection::isOpen)
        .map(c -> c.index() + " " + HostPort.format(c.remoteAddress()) + " (" + c.bytesReceived() + " B in, "
            + c.bytesSent() + " B out)")
        .collect(Collectors.joining(", "));
    long left = server.connectionCount() - server.openConnectionCount();
    return "[clients: " + (open.isEmpty() ? "none" : open) + (left > 0 ? "; " + left + " left earlier" : "") + "]";
  }

  private static String openClients(TcpServer server) {
    String open = server.connections().stream().filter(ServerConnection::isOpen)
        .map(c -> Integer.toString(c.index())).collect(Collectors.joining(", "));
    return open.isEmpty() ? "none" : open;
  }
}
