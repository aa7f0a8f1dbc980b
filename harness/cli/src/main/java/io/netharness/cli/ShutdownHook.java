package io.netharness.cli;

/** Ctrl-C closes connections cleanly: a JVM shutdown hook for as long as a command runs, removed after. */
final class ShutdownHook implements AutoCloseable {
  private final Thread hook;

  private ShutdownHook(Thread hook) {
    this.hook = hook;
  }

  static ShutdownHook register(String name, Runnable onShutdown) {
    Thread hook = new Thread(onShutdown, name);
    Runtime.getRuntime().addShutdownHook(hook);
    return new ShutdownHook(hook);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or has run
    }
  }
}
