package io.netharness.lab.internal;

import com.sun.jna.Memory;
import io.netharness.HarnessException;

/** A pipe whose only use is to wake the wire's threads out of poll(2) when the lab closes. */
public final class Pipe implements AutoCloseable {
  private final int readFd;
  private final int writeFd;
  private boolean closed;

  private Pipe(int readFd, int writeFd) {
    this.readFd = readFd;
    this.writeFd = writeFd;
  }

  public static Pipe open() {
    int[] fds = new int[2];
    if (LibC.pipe2(fds, LibC.O_CLOEXEC) != 0) {
      throw new HarnessException(LibC.errno("pipe2"));
    }
    return new Pipe(fds[0], fds[1]);
  }

  public int readFd() {
    return readFd;
  }

  /** Makes the read end readable for good: every poll on it returns at once. */
  public synchronized void signal() {
    if (!closed) {
      Memory one = new Memory(1);
      one.setByte(0, (byte) 1);
      LibC.write(writeFd, one, 1);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      LibC.close(readFd);
      LibC.close(writeFd);
    }
  }
}
