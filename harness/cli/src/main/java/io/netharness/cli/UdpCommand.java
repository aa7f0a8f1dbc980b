package io.netharness.cli;

import io.netharness.HostPort;
import io.netharness.udp.RecordedDatagram;
import io.netharness.udp.UdpPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netharness udp [--bind [HOST:]PORT] [--to HOST:PORT]}: stdin lines become datagrams; received ones are shown with their sender. */
@Command(
    name = "udp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Send and receive UDP datagrams: each line typed (or piped) is one datagram to --to; every datagram",
      "received is shown with its sender. With --bind it runs until Ctrl-C; without, it exits --wait after",
      "stdin ends (time for replies to arrive)."
    },
    footer = {"", "Examples:", "  netharness udp --bind 9000                       # receive on 127.0.0.1:9000",
        "  echo hello | netharness udp --to 127.0.0.1:9000",
        "  netharness udp --to 127.0.0.1:9000 --hex --send 'de ad be ef' --repeat 5 --every 200ms"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (stdin ended, or Ctrl-C)", "2:bad input, or the address cannot be bound"})
final class UdpCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Stdio io;
  @Spec private CommandSpec spec;
  @Mixin private AssistantOptions options = new AssistantOptions();

  @Option(names = "--bind", paramLabel = "[HOST:]PORT", description = "Local address to receive on; default: a free port.")
  private @Nullable String bind;

  @Option(names = "--to", paramLabel = "HOST:PORT", description = "Where lines typed and --send go.")
  private @Nullable String to;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "Without --bind: after stdin ends, keep showing replies this long (default: ${DEFAULT-VALUE}).")
  private Duration waitForReplies = Duration.ofSeconds(1);

  /** With the process's own stdin, stdout and stderr (how picocli's default factory creates it). */
  UdpCommand() {
    this(Stdio.system());
  }

  UdpCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    options.check(spec.commandLine());
    if (bind == null && to == null) {
      throw new BadInputException(spec.commandLine(),
          "give --to HOST:PORT to send, --bind [HOST:]PORT to receive, or both");
    }
    @Nullable InetSocketAddress target = to == null ? null : resolvedTarget(to);
    InetSocketAddress local = bind != null ? HostPort.parse(bind) : sourceFor(target);
    try (Display display = new Display(io, options, true);
        UdpPeer peer = UdpPeer.bind("netharness-udp", local.getHostString(), local.getPort())) {
      CompletableFuture<Void> stopped = new CompletableFuture<>();
      AtomicBoolean running = new AtomicBoolean(true);
      try (ShutdownHook hook = ShutdownHook.register("netharness-udp", () -> {
            running.set(false);
            stopped.complete(null);
          })) {
        display.error("[bound " + HostPort.format(peer.address())
            + (target == null ? "" : "; sending to " + HostPort.format(target)) + "]");
        CompletableFuture<Void> receiving = Background.run("netharness-receive", () -> {
          while (running.get()) {
            RecordedDatagram datagram = peer.poll(POLL);
            if (datagram != null) {
              display.received(HostPort.format(datagram.sender()), datagram.bytes());
            }
          }
        });
        AutoSend auto = target == null ? AutoSend.none()
            : AutoSend.start(options, display, HostPort.format(target), new AutoSend.Sink() {
              @Override
              public void sendBytes(byte[] bytes) {
                peer.sendTo(target, bytes);
              }

              @Override
              public void sendFile(Path file) {
                peer.sendTo(target, readAll(file));
              }
            });
        CompletableFuture<Void> typing = Background.run("netharness-stdin",
            () -> new LineInput(io, options).sendEachLine(display, bytes -> {
              if (target == null) {
                display.error("[no --to address; datagram not sent]");
                return;
              }
              peer.sendTo(target, bytes);
              display.sent(HostPort.format(target), bytes);
            }));
        if (bind != null) {
          stopped.join();
        } else {
          CompletableFuture.allOf(typing, auto.done()).exceptionally(e -> null).join();
          try {
            stopped.get(waitForReplies.toNanos(), TimeUnit.NANOSECONDS);
          } catch (TimeoutException e) {
            // waited long enough for replies
          } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
          }
        }
        auto.close();
        running.set(false);
        receiving.exceptionally(e -> null).join();
        display.status("[" + peer.receivedCount() + " datagrams received, " + peer.sentCount() + " sent]");
        return ExitCodes.OK;
      }
    }
  }

  /** The --to address, resolved now: a name that does not resolve is bad input, not a silent "0 sent". */
  private InetSocketAddress resolvedTarget(String hostPort) {
    InetSocketAddress parsed = HostPort.parse(hostPort);
    if (parsed.isUnresolved()) {
      throw new BadInputException(spec.commandLine(), "--to " + hostPort + ": cannot resolve host \""
          + parsed.getHostString() + "\"; give an IP address such as 127.0.0.1:9000 or a host name that resolves");
    }
    return parsed;
  }

  /** Without --bind: loopback, or the one local address that routes to --to; never every interface. */
  private static InetSocketAddress sourceFor(@Nullable InetSocketAddress target) {
    return target == null ? new InetSocketAddress("127.0.0.1", 0) : HostPort.sourceFor(target);
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --send-file " + file + ": " + e.getMessage(), e);
    }
  }
}
