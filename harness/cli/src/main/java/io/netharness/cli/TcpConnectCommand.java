package io.netharness.cli;

import io.netharness.ExpectationFailedException;
import io.netharness.HostPort;
import io.netharness.TranscriptEvent;
import io.netharness.client.TcpClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netharness tcp connect HOST:PORT}: stdin lines go to the server, what it sends comes out on stdout.
 * At stdin's end it half-closes (FIN) and waits for the server to close; exits 0 when it does.
 */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Connect to a TCP server: lines typed (or piped) are sent, everything received is written to stdout.",
      "Received bytes are written raw, so it can replace 'nc HOST PORT' in scripts; --timestamps or --hex",
      "show one labelled line (or hexdump) per read instead. At the end of stdin it sends FIN and waits",
      "for the server to close."
    },
    footer = {"", "Examples:", "  printf 'GET / HTTP/1.0\\r\\n\\r\\n' | netharness tcp connect example.com:80",
        "  netharness tcp connect 127.0.0.1:7000 --encoding GBK --timestamps",
        "  netharness tcp connect 127.0.0.1:7000 --hex --send '01 02 ff' --repeat 10 --every 500ms"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the server closed the connection (or stdin ended and --wait passed)",
      "1:the server reset the connection (RST)",
      "2:bad input, or the connection could not be made (refused, timed out, bad address)"
    })
final class TcpConnectCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Stdio io;
  @Spec private CommandSpec spec;
  @Mixin private AssistantOptions options = new AssistantOptions();

  @Parameters(paramLabel = "HOST:PORT", description = "Where to connect, e.g. 127.0.0.1:7000, localhost:7000, [::1]:7000.")
  private String address = "";

  @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "Give up connecting after this long (default: ${DEFAULT-VALUE}).")
  private Duration connectTimeout = Duration.ofSeconds(5);

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "After stdin ends, wait this long for the server to close (default: ${DEFAULT-VALUE}).")
  private Duration waitForClose = Duration.ofSeconds(5);

  /** With the process's own stdin, stdout and stderr (how picocli's default factory creates it). */
  TcpConnectCommand() {
    this(Stdio.system());
  }

  TcpConnectCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    options.check(spec.commandLine());
    InetSocketAddress target = HostPort.parse(address);
    try (Display display = new Display(io, options, false);
        TcpClient client = TcpClient.builder().address(target).connectTimeout(connectTimeout).name("netharness").connect();
        ShutdownHook hook = ShutdownHook.register("netharness-tcp-connect", client::close)) {
      display.status("[connected to " + HostPort.format(client.remoteAddress()) + " from "
          + HostPort.format(client.localAddress()) + "]");
      CompletableFuture<Void> receiving = Background.run("netharness-receive", () -> receiveUntilEnd(client, display));
      AutoSend auto = AutoSend.start(options, display, null, new AutoSend.Sink() {
        @Override
        public void sendBytes(byte[] bytes) {
          client.send(bytes);
        }

        @Override
        public void sendFile(Path file) {
          client.sendFile(file);
        }
      });
      CompletableFuture<Void> typing = Background.run("netharness-stdin",
          () -> new LineInput(io, options).sendEachLine(display, bytes -> {
            client.send(bytes);
            display.sent(null, bytes);
          }));
      CompletableFuture<Void> sendingDone = CompletableFuture.allOf(typing, auto.done());
      CompletableFuture.anyOf(receiving, sendingDone).exceptionally(e -> null).join();
      if (!receiving.isDone()) {
        reportSendFailure(typing, display);
        client.shutdownOutput();
        display.status("[end of input: sent FIN, waiting up to " + waitForClose.toMillis() + " ms for the server to close]");
        try {
          receiving.get(waitForClose.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          display.status("[the server did not close within " + waitForClose.toMillis() + " ms; closing]");
        } catch (ExecutionException e) {
          display.error("netharness tcp connect: " + ErrorHandlers.describe(e.getCause()));
        }
      }
      auto.close();
      boolean reset = client.transcript().has(TranscriptEvent.Kind.PEER_RESET);
      display.status("[" + (reset ? "reset by the server (RST)" : "closed") + ": " + client.bytesReceived()
          + " bytes received, " + client.bytesSent() + " bytes sent]");
      return reset ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  /** Writes every read to the display until the server closes or resets, or the client is closed. */
  private static void receiveUntilEnd(TcpClient client, Display display) {
    while (true) {
      try {
        display.received(null, client.receiveFrame(POLL));
        continue;
      } catch (ExpectationFailedException nothingYet) {
        // no read within POLL, or the stream ended: check which
      }
      if (ended(client)) {
        while (client.bytesWaiting() > 0) {
          display.received(null, client.receiveFrame(POLL));
        }
        return;
      }
    }
  }

  private static boolean ended(TcpClient client) {
    return !client.isOpen() || client.transcript().has(TranscriptEvent.Kind.PEER_CLOSED)
        || client.transcript().has(TranscriptEvent.Kind.PEER_RESET);
  }

  private static void reportSendFailure(CompletableFuture<Void> typing, Display display) {
    if (typing.isCompletedExceptionally()) {
      typing.exceptionally(e -> {
        display.error("netharness tcp connect: " + ErrorHandlers.describe(e instanceof java.util.concurrent.CompletionException
            && e.getCause() != null ? e.getCause() : e));
        return null;
      });
    }
  }
}
