package io.netharness.lab.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.netharness.HarnessException;
import java.nio.charset.StandardCharsets;

/**
 * One TUN device (IFF_TUN | IFF_NO_PI: each read or write is one bare IP packet), created in the network
 * namespace of the thread that opens it, and gone when its file descriptor is closed.
 */
public final class TunDevice implements AutoCloseable {
  private static final long TUNSETIFF = 0x400454caL;
  private static final short IFF_TUN = 0x0001;
  private static final short IFF_NO_PI = 0x1000;

  private final int fd;
  private final String name;
  private final Memory writeBuffer = new Memory(65_536);
  private volatile boolean closed;

  private TunDevice(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /** Creates the device in the calling thread's namespace; the kernel picks the name from the pattern. */
  public static TunDevice open(String namePattern) {
    int fd = LibC.open("/dev/net/tun", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
    if (fd < 0) {
      throw new HarnessException(LibC.errno("open(/dev/net/tun)") + ": " + Privileges.fix());
    }
    Memory ifreq = new Memory(40);
    ifreq.clear();
    byte[] pattern = namePattern.getBytes(StandardCharsets.US_ASCII);
    ifreq.write(0, pattern, 0, Math.min(pattern.length, 15));
    ifreq.setShort(16, (short) (IFF_TUN | IFF_NO_PI));
    if (LibC.ioctl(fd, TUNSETIFF, ifreq) < 0) {
      String failure = LibC.errno("ioctl(TUNSETIFF)");
      LibC.close(fd);
      throw new HarnessException(failure + ": " + Privileges.fix());
    }
    return new TunDevice(fd, ifreq.getString(0, "US-ASCII"));
  }

  public String name() {
    return name;
  }

  public int fd() {
    return fd;
  }

  /** Reads one packet into {@code buffer}: its length, or 0 when none is waiting. */
  public int read(Pointer buffer, int capacity) {
    long n = LibC.read(fd, buffer, capacity);
    if (n < 0) {
      int errno = Native.getLastError();
      if (errno == LibC.EAGAIN || errno == LibC.EINTR || closed) {
        return 0;
      }
      throw new HarnessException(LibC.errno("read(" + name + ")"));
    }
    return (int) n;
  }

  /** Writes one packet from native memory (the wire's fast path: no copy). */
  public void write(Pointer packet, int length) {
    if (closed) {
      return;
    }
    LibC.write(fd, packet, length); // a full queue drops the packet, as a real link does
  }

  /** Writes one packet from the heap. */
  public synchronized void write(byte[] packet) {
    if (closed) {
      return;
    }
    writeBuffer.write(0, packet, 0, packet.length);
    LibC.write(fd, writeBuffer, packet.length);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      LibC.close(fd);
    }
  }
}
