package io.netharness.cli;

import java.util.concurrent.CompletableFuture;

/**
 * Daemon threads for the blocking parts of the debugging assistant (reading stdin, draining a socket), so a
 * stdin read that never returns cannot keep the process alive once the conversation is over.
 */
final class Background {
  private Background() {}

  /** Runs {@code task} on a new daemon thread; the future completes when it returns or throws. */
  static CompletableFuture<Void> run(String name, Runnable task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        task.run();
        done.complete(null);
      } catch (RuntimeException | Error e) {
        done.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return done;
  }
}
