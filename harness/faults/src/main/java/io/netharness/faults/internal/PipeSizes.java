package io.netharness.faults.internal;

/**
 * Grows a pipe with {@code fcntl(F_SETPIPE_SZ)} where JNA is on the class path (the CLI has it): a spliced
 * connection then moves up to 1 MiB per {@code splice(2)} instead of the kernel's default 64 KiB. Best effort: without
 * JNA, or when the kernel refuses (above {@code /proc/sys/fs/pipe-max-size} for a user without CAP_SYS_RESOURCE), the
 * pipe keeps its size and everything still works.
 *
 * <pre>{@code
 * int size = PipeSizes.grow(pipe[1].intValue(), 1 << 20); // 1048576, or 65536 where it could not
 * }</pre>
 */
public final class PipeSizes {
  private static final int DEFAULT = 64 * 1024;
  private static final boolean AVAILABLE = available();

  private PipeSizes() {}

  /** Asks for {@code bytes}; returns the pipe's size afterwards (the default where it could not ask). */
  public static int grow(int fd, int bytes) {
    if (!AVAILABLE) {
      return DEFAULT;
    }
    int size = Fcntl.setPipeSize(fd, bytes);
    return size > 0 ? size : DEFAULT;
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

    private static native int fcntl(int fd, int command, int argument);
  }
}
