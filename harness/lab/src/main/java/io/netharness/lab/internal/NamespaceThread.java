package io.netharness.lab.internal;

import io.netharness.HarnessException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One thread that left the JVM's network namespace for a new, anonymous one (unshare(CLONE_NEWNET)) and runs
 * whatever it is given there. A socket belongs to the namespace of the thread that created it, so code run
 * here opens sockets on the lab host. The namespace has no name and no mount: it lives as long as this
 * thread and the sockets and devices made in it, so even a JVM killed with -9 leaves nothing behind.
 */
public final class NamespaceThread implements AutoCloseable {
  private static final FutureTask<Object> STOP = new FutureTask<>(() -> null);

  private final BlockingQueue<FutureTask<?>> tasks = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile int tid;

  private NamespaceThread(String name) {
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
  }

  /** Starts the thread and moves it into a new network namespace; fails with the fix when not allowed. */
  public static NamespaceThread start(String name) {
    NamespaceThread namespace = new NamespaceThread(name);
    namespace.thread.start();
    try {
      namespace.call(() -> {
        if (LibC.unshare(LibC.CLONE_NEWNET) != 0) {
          throw new HarnessException(LibC.errno("unshare(CLONE_NEWNET)") + ": " + Privileges.FIX);
        }
        namespace.tid = LibC.gettid();
        return null;
      });
    } catch (RuntimeException e) {
      namespace.close();
      throw e;
    }
    return namespace;
  }

  private void loop() {
    while (true) {
      FutureTask<?> task;
      try {
        task = tasks.take();
      } catch (InterruptedException e) {
        return;
      }
      if (task == STOP) {
        return;
      }
      task.run();
    }
  }

  /** Runs {@code work} on this thread, inside the namespace, and returns its result. */
  public <T> T call(Callable<T> work) {
    if (!thread.isAlive()) {
      throw new IllegalStateException(thread.getName() + " has ended: the lab was closed");
    }
    if (Thread.currentThread() == thread) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new HarnessException(thread.getName() + ": " + e, e);
      }
    }
    FutureTask<T> task = new FutureTask<>(work);
    tasks.add(task);
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      task.cancel(true);
      throw new HarnessException("interrupted while running on " + thread.getName(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new HarnessException(thread.getName() + ": " + cause, cause);
    }
  }

  /** The kernel's id of this thread: {@code nsenter --net=/proc/<pid>/task/<tid>/ns/net} enters the namespace. */
  public int tid() {
    return tid;
  }

  /** Ends the thread once the tasks already given have run, and waits until it has ended. */
  @Override
  public void close() {
    tasks.add(STOP);
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
