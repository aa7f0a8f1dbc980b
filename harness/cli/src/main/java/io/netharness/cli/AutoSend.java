package io.netharness.cli;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Sends --send and --send-file on connect, --repeat times, --every apart; {@link #done()} completes after the last. */
final class AutoSend implements AutoCloseable {
  /** Where the bytes go: a TCP connection, a server connection, a UDP target. */
  interface Sink {
    void sendBytes(byte[] bytes);

    void sendFile(Path file);
  }

  private final ScheduledExecutorService timer;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  private AutoSend(@Nullable ScheduledExecutorService timer) {
    this.timer = timer == null ? Executors.newSingleThreadScheduledExecutor() : timer;
  }

  /** Nothing to send: {@link #done()} is complete at once. */
  static AutoSend none() {
    AutoSend none = new AutoSend(null);
    none.close();
    return none;
  }

  /** Starts sending what the options ask for; with nothing to send, {@link #done()} is complete at once. */
  static AutoSend start(AssistantOptions options, Display display, @Nullable String peer, Sink sink) {
    if (!options.autoSends()) {
      return none();
    }
    AutoSend auto = new AutoSend(Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "netharness-auto-send");
      t.setDaemon(true);
      return t;
    }));
    byte[] text = options.sendBytes();
    Path file = options.sendFile;
    AtomicInteger left = new AtomicInteger(options.repeat);
    auto.timer.scheduleWithFixedDelay(() -> {
      try {
        if (text != null) {
          sink.sendBytes(text);
          display.sent(peer, text);
        }
        if (file != null) {
          sink.sendFile(file);
        }
      } catch (RuntimeException e) {
        display.error("netharness: auto-send stopped: " + ErrorHandlers.describe(e));
        auto.close();
        return;
      }
      if (left.decrementAndGet() == 0) {
        auto.close();
      }
    }, 0, Math.max(1, options.every.toNanos()), TimeUnit.NANOSECONDS);
    return auto;
  }

  CompletableFuture<Void> done() {
    return done;
  }

  /** Stops any further repeats. Idempotent. */
  @Override
  public void close() {
    timer.shutdownNow();
    done.complete(null);
  }
}
