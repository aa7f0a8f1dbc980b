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
  private volatile FutureTask<?> entered = STOP;

  private NamespaceThread(String name) {
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
  }

  /**
   * Starts the thread, which first moves itself into a new network namespace; returns at once. Work given to
   * it runs only once it is in the namespace: if unshare(2) failed, every task fails with that reason (see
   * {@link #awaitEntered()}), so nothing meant for the lab ever runs in the JVM's own namespace.
   */
  public static NamespaceThread start(String name) {
    NamespaceThread namespace = new NamespaceThread(name);
    namespace.entered = new FutureTask<>(() -> {
      if (LibC.unshare(LibC.CLONE_NEWNET) != 0) {
        throw new HarnessException(LibC.errno("unshare(CLONE_NEWNET)") + ": " + Privileges.fix());
      }
      namespace.tid = LibC.gettid();
      return null;
    });
    namespace.tasks.add(namespace.entered);
    namespace.thread.start();
    return namespace;
  }

  /** Waits until the thread is in its namespace; throws why it could not get there. */
  public void awaitEntered() {
    await(entered);
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

  /** Queues {@code work} to run on this thread, inside the namespace. */
  public <T> FutureTask<T> submit(Callable<T> work) {
    if (!thread.isAlive()) {
      throw new IllegalStateException(thread.getName() + " has ended: the lab was closed");
    }
    FutureTask<T> task = new FutureTask<>(() -> {
      awaitEntered(); // already done on this thread: returns at once, or throws unshare's failure
      return work.call();
    });
    tasks.add(task);
    return task;
  }

  /** Queues work that may also run if the namespace was never entered (closing what was opened). */
  <T> FutureTask<T> submitAnyway(Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    tasks.add(task);
    return task;
  }

  /** Runs {@code work} on this thread, inside the namespace, and returns its result. */
  public <T> T call(Callable<T> work) {
    if (Thread.currentThread() == thread) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new HarnessException(thread.getName() + ": " + e, e);
      }
    }
    return await(submit(work));
  }

  /** The result of a task given to {@link #submit}, with its exception unwrapped. */
  public <T> T await(FutureTask<T> task) {
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
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException("a lab cannot be closed from code running on one of its hosts");
    }
    tasks.add(STOP);
    Threads.joinUninterruptibly(thread);
  }
}
