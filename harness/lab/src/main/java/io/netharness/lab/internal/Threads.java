package io.netharness.lab.internal;

/** Waiting for a lab thread to end, whatever interrupts the wait; the interrupt is kept for the caller. */
public final class Threads {
  private Threads() {}

  public static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
