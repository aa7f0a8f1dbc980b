package io.netharness.cli;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Daemon threads for the blocking parts of the debugging assistant (reading stdin, draining a socket), so a
 * stdin read that never returns cannot keep the process alive once the conversation is over.
 */
final class Background {
  private Background() {}

  /** Runs {@code task} on a new daemon thread; the future completes when it returns or throws. */
  static CompletableFuture<Void> run(String name, Runnable task) {
    return supply(name, () -> {
      task.run();
      return null;
    });
  }

  /** As {@link #run}, with the task's result. */
  static <T> CompletableFuture<T> supply(String name, Supplier<T> task) {
    CompletableFuture<T> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        done.complete(task.get());
      } catch (RuntimeException | Error e) {
        done.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return done;
  }
}
