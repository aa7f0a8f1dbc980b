package io.netharness.lab.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc calls the lab needs, bound with JNA's direct mapping (the fastest JNA path: the wire calls
 * {@code read}/{@code write} once per packet). 64-bit Linux only: {@code size_t} and {@code ssize_t} are
 * mapped to {@code long}. After a call returns -1, {@link Native#getLastError()} holds errno.
 */
final class LibC {
  static final int O_RDWR = 2;
  static final int O_NONBLOCK = 0x800;
  static final int O_CLOEXEC = 0x80000;
  static final int CLONE_NEWNET = 0x40000000;
  static final int AF_INET = 2;
  static final int SOCK_DGRAM = 2;
  static final int POLLIN = 1;
  static final int EAGAIN = 11;
  static final int EINTR = 4;

  static {
    Native.register("c");
  }

  private LibC() {}

  static native int open(String path, int flags);

  static native int close(int fd);

  static native long read(int fd, Pointer buffer, long count);

  static native long write(int fd, Pointer buffer, long count);

  static native int ioctl(int fd, long request, Pointer argument);

  static native int unshare(int flags);

  static native int socket(int domain, int type, int protocol);

  static native int poll(Pointer fds, long count, int timeoutMillis);

  static native int pipe2(int[] fds, int flags);

  static native int gettid();

  static String errno(String call) {
    int errno = Native.getLastError();
    return call + " failed: errno " + errno + " (" + describe(errno) + ")";
  }

  static String describe(int errno) {
    return switch (errno) {
      case 1 -> "EPERM, operation not permitted";
      case 2 -> "ENOENT, no such file";
      case 13 -> "EACCES, permission denied";
      case 16 -> "EBUSY, device busy";
      case 19 -> "ENODEV, no such device";
      case 22 -> "EINVAL, invalid argument";
      default -> "see errno(3)";
    };
  }
}
