package io.netharness.proxy;

import io.netharness.faults.internal.PipeSizes;
import io.netharness.internal.WireRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.epoll.Native;
import io.netty.channel.unix.Errors;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Moves a toxic-free connection's bytes with splice(2): socket → pipe → socket inside the kernel, never copied into
 * the JVM (a copying relay spends three to five times the CPU per GiB on two cores; docs/benchmarks.md).
 *
 * <p>It takes both sockets off Netty's registration and registers level-triggered handles of its own for them on the
 * same event loop. Anything it does not handle itself ends it and gives the sockets back to Netty, with whatever is
 * still in the pipes written to its destination first: a toxic being added, an end of stream (Netty then reads the
 * FIN itself), a close. A reset or a failed write ends the connection as the links would. Runs on the connection's
 * event loop only.
 */
final class SpliceRelay {
  /** Epoll only; {@code -Dnetharness.proxy.splice=false} keeps every byte on the links. */
  static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("netharness.proxy.splice", "true"));
  /** Bytes a connection moves through the links before it may splice: short exchanges never pay for the pipes. */
  static final long AFTER_BYTES = Long.getLong("netharness.proxy.spliceAfterBytes", 1 << 20);
  /** Bytes one flow moves per wake-up before the loop's other connections and timers get a turn. */
  private static final long BUDGET = 2 << 20;
  /** What each pipe is grown to where it can be ({@link PipeSizes}); otherwise it holds 64 KiB. */
  private static final int PIPE_BYTES = 1 << 20;
  private static final int ASK = PIPE_BYTES;
  /** Reported whether asked for or not; EpollIoOps has no constant for it. */
  private static final int EPOLLHUP = 0x010;

  /** What the links do once the sockets are back. */
  interface Owner {
    /** The sockets are registered with Netty again: read on (unless the connection is ending). */
    void spliceEnded();

    void reset();

    void close();

    ProxyCounters counters();
  }

  private final Owner owner;
  private final EpollSocketChannel client;
  private final EpollSocketChannel upstream;
  private final Flow up;
  private final Flow down;
  private final Side clientSide;
  private final Side upstreamSide;
  private @Nullable Future<Void> clientOff;
  private @Nullable Future<Void> upstreamOff;
  private boolean left;
  private int registeredAgain;

  private SpliceRelay(Owner owner, EpollSocketChannel client, EpollSocketChannel upstream, FileDescriptor[] upPipe,
      FileDescriptor[] downPipe) {
    this.owner = owner;
    this.client = client;
    this.upstream = upstream;
    this.up = new Flow(Direction.UPSTREAM, client, upstream, upPipe);
    this.down = new Flow(Direction.DOWNSTREAM, upstream, client, downPipe);
    this.clientSide = new Side(client, up, down);
    this.upstreamSide = new Side(upstream, down, up);
  }

  /** Whether these two sockets can be spliced at all. */
  static boolean possible(Channel client, Channel upstream) {
    return ENABLED && client instanceof EpollSocketChannel && upstream instanceof EpollSocketChannel;
  }

  /**
   * Takes the idle connection's sockets off Netty and starts splicing once they are; {@code null} when no pipe can
   * be had (out of descriptors): the links carry on. {@code stillIdle} is asked again once the sockets are off, since
   * a FIN may have been read in between.
   */
  static @Nullable SpliceRelay start(Owner owner, Channel client, Channel upstream, BooleanSupplier stillIdle) {
    FileDescriptor[] upPipe;
    FileDescriptor[] downPipe;
    try {
      upPipe = FileDescriptor.pipe();
    } catch (IOException e) {
      return null;
    }
    try {
      downPipe = FileDescriptor.pipe();
    } catch (IOException e) {
      closeQuietly(upPipe);
      return null;
    }
    SpliceRelay relay;
    try {
      relay = new SpliceRelay(owner, (EpollSocketChannel) client, (EpollSocketChannel) upstream, upPipe, downPipe);
    } catch (RuntimeException | LinkageError e) {
      closeQuietly(upPipe); // growing a pipe failed in a way PipeSizes did not foresee: the links carry on
      closeQuietly(downPipe);
      return null;
    }
    client.config().setAutoRead(false);
    upstream.config().setAutoRead(false);
    relay.clientOff = client.deregister();
    relay.upstreamOff = upstream.deregister();
    relay.upstreamOff.addListener(f -> relay.clientOff.addListener(g -> relay.onDeregistered(stillIdle)));
    return relay;
  }

  private void onDeregistered(BooleanSupplier stillIdle) {
    if (left) {
      return; // ended while the sockets were on their way off: leave() registers them again
    }
    if (!clientOff.isSuccess() || !upstreamOff.isSuccess() || !client.isActive() || !upstream.isActive() || !stillIdle.getAsBoolean()) {
      leave(Ending.HAND_BACK);
      return;
    }
    IoEventLoop loop = (IoEventLoop) client.eventLoop();
    loop.register(clientSide).addListener(f -> clientSide.registered(f));
    loop.register(upstreamSide).addListener(f -> upstreamSide.registered(f));
  }

  /** How the splicing ends. */
  enum Ending {
    /** Back to the links, pipes' bytes written first (a toxic added, an end of stream seen, an idle check failed). */
    HAND_BACK,
    /** The connection closes with FIN: pipes' bytes written first, nothing read again. */
    CLOSE,
    /** The connection is reset: the pipes' bytes are dropped, as an RST drops what is unsent. */
    RESET
  }

  /**
   * Stops splicing; idempotent. What the pipes hold is queued on its destination (not flushed: a write that fails on
   * a socket Netty does not watch would close it without telling the links), the sockets go back to Netty, then the
   * queued bytes are flushed and, when handing back, the links read again.
   */
  void leave(Ending ending) {
    if (left) {
      return;
    }
    left = true;
    boolean resume = ending == Ending.HAND_BACK;
    try {
      clientSide.cancel();
      upstreamSide.cancel();
      up.finish(ending != Ending.RESET);
      down.finish(ending != Ending.RESET);
    } finally {
      registerAgain(client, clientOff, resume);
      registerAgain(upstream, upstreamOff, resume);
    }
  }

  private void registerAgain(Channel channel, @Nullable Future<Void> off, boolean resume) {
    if (off == null) {
      return;
    }
    off.addListener(f -> {
      if (channel.isOpen() && !channel.isRegistered()) {
        channel.eventLoop().register(channel).addListener(r -> {
          if (!r.isSuccess()) {
            owner.close(); // Netty closed it without a word to the links (it was not registered): end the rest too
          }
          registeredAgain(resume);
        });
      } else {
        registeredAgain(resume);
      }
    });
  }

  private void registeredAgain(boolean resume) {
    if (++registeredAgain < 2) {
      return;
    }
    // needed: deregistering made Netty forget its write interest, and the pipes' bytes wait unflushed
    client.flush();
    upstream.flush();
    if (resume) {
      owner.spliceEnded();
    }
  }

  /** An error epoll reported on a socket: a reset is passed on as one, any other error closes, none hands back. */
  private void failedSocket(EpollSocketChannel socket) {
    int error;
    try {
      error = ((Socket) socket.fd()).getSoError(); // reading it clears it: nobody else will see this one
    } catch (IOException e) {
      error = 0;
    }
    if (error == 0) {
      leave(Ending.HAND_BACK); // a hang-up without an error: Netty reads how it ended
    } else if (-error == Errors.ERRNO_ECONNRESET_NEGATIVE) {
      leave(Ending.RESET);
      owner.reset();
    } else {
      leave(Ending.CLOSE);
      owner.close();
    }
  }

  private void failed(IOException e) {
    boolean reset = WireRecorder.isReset(e);
    leave(reset ? Ending.RESET : Ending.CLOSE);
    if (reset) {
      owner.reset(); // pass the RST on, as the links do
    } else {
      owner.close();
    }
  }

  private static void closeQuietly(FileDescriptor[] pipe) {
    for (FileDescriptor fd : pipe) {
      try {
        fd.close();
      } catch (IOException ignored) {
        // closing a pipe end we own cannot fail in a way that matters
      }
    }
  }

  /** One direction: source socket → pipe → destination socket. */
  private final class Flow {
    final Direction direction;
    final EpollSocketChannel source;
    final EpollSocketChannel destination;
    final FileDescriptor pipeIn;
    final FileDescriptor pipeOut;
    private final PipeSizes.Size pipeSize;
    /** Bytes in the pipe, not yet in the destination socket. */
    int buffered;

    Flow(Direction direction, EpollSocketChannel source, EpollSocketChannel destination, FileDescriptor[] pipe) {
      this.direction = direction;
      this.source = source;
      this.destination = destination;
      this.pipeIn = pipe[0];
      this.pipeOut = pipe[1];
      this.pipeSize = PipeSizes.grow(pipeOut.intValue(), PIPE_BYTES);
    }

    /**
     * Moves what it can: pipe to destination, then source to pipe, while the destination takes it. Returns false at
     * the source's end of stream: its peer sent FIN ({@code peerClosed}, epoll's RDHUP) and no byte is left to read,
     * which is for Netty to read. Without RDHUP, nothing to read only means a wake-up whose bytes another pump took.
     */
    boolean pump(boolean peerClosed) throws IOException {
      for (long moved = 0; moved < BUDGET; ) {
        if (buffered > 0) {
          int out = Native.splice(pipeIn.intValue(), -1, destination.fd().intValue(), -1, buffered);
          buffered -= out;
          moved += out;
          owner.counters().countSent(direction, out);
          owner.counters().countSpliced(out);
          if (buffered > 0) {
            return true; // the destination is full: wait until it is writable
          }
        }
        int in = Native.splice(source.fd().intValue(), -1, pipeOut.intValue(), -1, ASK);
        if (in == 0) {
          return !peerClosed; // the pipe was empty, so 0 is the socket's: nothing now, or nothing ever again
        }
        buffered += in;
        owner.counters().countReceived(direction, in);
      }
      return true;
    }

    /** Queues what is left in the pipe on the destination, unflushed (or drops it), and closes the pipe. */
    void finish(boolean deliver) {
      ByteBuf rest = null;
      try {
        if (deliver && buffered > 0 && destination.isActive()) {
          rest = destination.alloc().directBuffer(buffered);
          ByteBuffer target = rest.nioBuffer(0, buffered);
          while (target.hasRemaining()) {
            int n = pipeIn.read(target, target.position(), target.limit());
            if (n <= 0) {
              break;
            }
            target.position(target.position() + n);
          }
          int length = target.position();
          rest.writerIndex(length);
          ByteBuf queued = rest;
          rest = null;
          destination.write(queued).addListener(f -> {
            if (f.isSuccess()) {
              owner.counters().countSent(direction, length);
            }
          });
        }
      } catch (IOException | RuntimeException | OutOfMemoryError e) {
        // the pipe could not be read back (or no buffer had): what it held cannot be delivered
      } finally {
        if (rest != null) {
          rest.release();
        }
        buffered = 0;
        closeQuietly(new FileDescriptor[] {pipeIn, pipeOut});
        PipeSizes.released(pipeSize);
      }
    }
  }

  /** One socket's handle on the event loop: it is the source of one flow and the destination of the other. */
  private final class Side implements EpollIoHandle {
    private final EpollSocketChannel socket;
    private final Flow from;
    private final Flow to;
    private @Nullable IoRegistration registration;
    private int ops = -1;

    Side(EpollSocketChannel socket, Flow from, Flow to) {
      this.socket = socket;
      this.from = from;
      this.to = to;
    }

    @Override
    public FileDescriptor fd() {
      return socket.fd();
    }

    void registered(Future<? super IoRegistration> f) {
      if (!f.isSuccess()) {
        leave(Ending.HAND_BACK);
        return;
      }
      registration = (IoRegistration) f.getNow();
      if (left) {
        registration.cancel();
        return;
      }
      updateInterest();
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
      if (left) {
        return;
      }
      EpollIoOps ready = ((EpollIoEvent) event).ops();
      if ((ready.value() & (EpollIoOps.EPOLLERR.value() | EPOLLHUP)) != 0) {
        failedSocket(socket);
        return;
      }
      boolean readable = ready.contains(EpollIoOps.EPOLLIN) || ready.contains(EpollIoOps.EPOLLRDHUP);
      try {
        if (ready.contains(EpollIoOps.EPOLLOUT)) {
          to.pump(false); // its source's FIN, if any, is seen by that socket's own RDHUP
        }
        if (readable && !from.pump(ready.contains(EpollIoOps.EPOLLRDHUP))) {
          leave(Ending.HAND_BACK); // Netty reads the FIN (or the error) once it has the socket again
          return;
        }
      } catch (IOException e) {
        failed(e);
        return;
      }
      clientSide.updateInterest();
      upstreamSide.updateInterest();
    }

    /** Read while this socket's flow has an empty pipe; wait for writability while the other's has bytes. */
    void updateInterest() {
      if (registration == null || left) {
        return;
      }
      EpollIoOps wanted = EpollIoOps.EPOLLERR;
      if (from.buffered == 0) {
        wanted = wanted.with(EpollIoOps.EPOLLIN).with(EpollIoOps.EPOLLRDHUP);
      }
      if (to.buffered > 0) {
        wanted = wanted.with(EpollIoOps.EPOLLOUT);
      }
      if (wanted.value() != ops) {
        ops = wanted.value();
        registration.submit(wanted);
      }
    }

    void cancel() {
      if (registration != null) {
        registration.cancel();
      }
    }

    @Override
    public void close() {
      // the event loop is shutting down: its scheduled tasks will not run, so nothing waits for a registration or a
      // timer here; the pipes are closed and the connection is reset at once
      if (!left) {
        left = true;
        clientSide.cancel();
        upstreamSide.cancel();
        up.finish(false);
        down.finish(false);
        owner.reset();
      }
    }
  }
}
