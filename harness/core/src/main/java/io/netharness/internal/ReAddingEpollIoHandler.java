package io.netharness.internal;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoOps;

/**
 * Netty 4.2.18's epoll handler with one fault mended. When a channel wants no event at all (its interest becomes
 * {@link EpollIoOps#NONE}: a FIN was read while reads are off, and nothing waits to be written) Netty removes the
 * descriptor from epoll but still takes it for added, so the next interest — {@code EPOLLOUT} for a write that must
 * wait for room — is an {@code EPOLL_CTL_MOD} that fails with ENOENT, and Netty closes the channel with the write's
 * bytes unsent. A large reply to a client that had half-closed was cut short that way (4.2.20 still does it). Here
 * each registration remembers that its descriptor left epoll and registers the handle afresh (an {@code ADD}) the
 * next time it wants an event.
 *
 * <pre>{@code
 * new MultiThreadIoEventLoopGroup(threads, factory, ReAddingEpollIoHandler.wrap(EpollIoHandler.newFactory()));
 * }</pre>
 */
final class ReAddingEpollIoHandler implements IoHandler {
  private final IoHandler delegate;

  private ReAddingEpollIoHandler(IoHandler delegate) {
    this.delegate = delegate;
  }

  static IoHandlerFactory wrap(IoHandlerFactory epoll) {
    return new IoHandlerFactory() {
      @Override
      public IoHandler newHandler(io.netty.util.concurrent.ThreadAwareExecutor executor) {
        return new ReAddingEpollIoHandler(epoll.newHandler(executor));
      }

      @Override
      public boolean isChangingThreadSupported() {
        return epoll.isChangingThreadSupported();
      }
    };
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return new Registration(handle, delegate.register(handle));
  }

  @Override
  public void initialize() {
    delegate.initialize();
  }

  @Override
  public int run(IoHandlerContext context) {
    return delegate.run(context);
  }

  @Override
  public void prepareToDestroy() {
    delegate.prepareToDestroy();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public void wakeup() {
    delegate.wakeup();
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return delegate.isCompatible(handleType);
  }

  /** One handle's registration; used on its event loop only, as Netty's own. */
  private final class Registration implements IoRegistration {
    private final IoHandle handle;
    private IoRegistration current;
    private boolean removedFromEpoll;
    private boolean cancelled;

    Registration(IoHandle handle, IoRegistration current) {
      this.handle = handle;
      this.current = current;
    }

    @Override
    public <T> T attachment() {
      return current.attachment();
    }

    @Override
    public long submit(IoOps ops) {
      boolean none = ((EpollIoOps) ops).value() == EpollIoOps.NONE.value();
      if (!none && removedFromEpoll && !cancelled) {
        IoRegistration stale = current;
        stale.cancel(); // out of Netty's table (its EPOLL_CTL_DEL finds nothing, which it ignores)
        try {
          current = delegate.register(handle); // a fresh registration: its first interest is an EPOLL_CTL_ADD
        } catch (Exception e) {
          throw new IllegalStateException("could not register a channel with epoll again: " + e, e);
        }
      }
      removedFromEpoll = none;
      return current.submit(ops);
    }

    @Override
    public boolean isValid() {
      return !cancelled && current.isValid();
    }

    @Override
    public boolean cancel() {
      cancelled = true;
      return current.cancel();
    }
  }
}
