package io.netharness.faults.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Grows a pipe with {@code fcntl(F_SETPIPE_SZ)} where JNA is on the class path (the CLI has it): a spliced
 * connection then moves up to 1 MiB per {@code splice(2)} instead of the kernel's default 64 KiB. Best effort: without
 * JNA, past this process's budget, or when the kernel refuses, the pipe keeps its size and everything still works.
 *
 * <p>The budget (16 MiB of grown pipes at once, 8 bulk connections) exists because the kernel counts every pipe's
 * pages against its user: past {@code /proc/sys/fs/pipe-user-pages-soft} (64 MiB by default) every new pipe of every
 * process of a non-root user shrinks to a couple of pages, the system under test's included.
 *
 * <pre>{@code
 * PipeSizes.Size size = PipeSizes.grow(pipe[1].intValue(), 1 << 20); // 1 MiB, or what the pipe has
 * ...
 * PipeSizes.released(size);                                            // when the pipe is closed
 * }</pre>
 */
public final class PipeSizes {
  private static final int DEFAULT = 64 * 1024;
  private static final long BUDGET = 16L << 20;
  private static final boolean AVAILABLE = available();
  private static final AtomicLong grown = new AtomicLong();

  private PipeSizes() {}

  /** A pipe's size, and the share of the budget it holds (0 when it was not grown). */
  public record Size(int bytes, long counted) {}

  /** Asks for {@code bytes}; hand what it returns to {@link #released} when the pipe is closed. */
  public static Size grow(int fd, int bytes) {
    if (!AVAILABLE) {
      return new Size(DEFAULT, 0);
    }
    if (grown.addAndGet(bytes) > BUDGET) {
      grown.addAndGet(-bytes);
      return new Size(Fcntl.size(fd), 0);
    }
    int size = Fcntl.setPipeSize(fd, bytes);
    if (size < bytes) {
      grown.addAndGet(-bytes);
      return new Size(Fcntl.size(fd), 0);
    }
    return new Size(size, bytes);
  }

  /** The pipe {@link #grow} gave {@code size} for is closed: its share of the budget is free again. */
  public static void released(Size size) {
    grown.addAndGet(-size.counted());
  }

  /** Bytes of grown pipes open now, for tests. */
  static long grownBytes() {
    return grown.get();
  }

  private static boolean available() {
    try {
      Class.forName("com.sun.jna.Native", false, PipeSizes.class.getClassLoader());
      return Fcntl.LOADED;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Only loaded once JNA is known to be there. */
  private static final class Fcntl {
    private static final int F_SETPIPE_SZ = 1031;
    private static final int F_GETPIPE_SZ = 1032;
    static final boolean LOADED = register();

    private static boolean register() {
      try {
        com.sun.jna.Native.register(Fcntl.class, "c");
        return true;
      } catch (LinkageError | RuntimeException e) {
        return false;
      }
    }

    static int setPipeSize(int fd, int bytes) {
      return fcntl(fd, F_SETPIPE_SZ, bytes);
    }

    static int size(int fd) {
      int size = fcntl(fd, F_GETPIPE_SZ, 0);
      return size > 0 ? size : DEFAULT;
    }

    private static native int fcntl(int fd, int command, int argument);
  }
}
