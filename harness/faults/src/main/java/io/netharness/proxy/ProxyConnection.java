package io.netharness.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import org.jspecify.annotations.Nullable;

/**
 * One client connection through the proxy: the client's socket, the socket to the upstream, and
 * a {@link Link} each way. Lives on one event loop.
 */
final class ProxyConnection implements SpliceRelay.Owner {
  private final ProxyCounters counters;
  private final OpenConnections connections;
  private final long index;
  private final Channel client;
  private final Channel upstream;
  final Link up;
  final Link down;
  private final long lastToxicSerialAtStart;
  private boolean closed;
  /** Set while the sockets are spliced (toxic-free and idle links only); the links then hold nothing. */
  private @Nullable SpliceRelay splice;
  private long bytesWritten;
  /** No pipe could be had once (out of descriptors): this connection stays on the links. */
  private boolean spliceRefused;

  ProxyConnection(ProxyCounters counters, OpenConnections connections, long lastToxicSerialAtStart, long index,
      Channel client, Channel upstream) {
    this.counters = counters;
    this.connections = connections;
    this.index = index;
    this.lastToxicSerialAtStart = lastToxicSerialAtStart;
    this.client = client;
    this.upstream = upstream;
    this.up = new Link(Direction.UPSTREAM, this, client, upstream);
    this.down = new Link(Direction.DOWNSTREAM, this, upstream, client);
    client.pipeline().addLast("proxy", new SideHandler(up, upstream));
    upstream.pipeline().addLast("proxy", new SideHandler(down, client));
  }

  @Override
  public ProxyCounters counters() {
    return counters;
  }

  long index() {
    return index;
  }

  /** Whether the toxic with this serial was added after this connection started. */
  boolean startedBefore(long toxicSerial) {
    return toxicSerial > lastToxicSerialAtStart;
  }

  Channel client() {
    return client;
  }

  java.net.InetSocketAddress upstreamLocalAddress() {
    return (java.net.InetSocketAddress) upstream.localAddress();
  }

  Link link(Direction direction) {
    return direction == Direction.UPSTREAM ? up : down;
  }

  void startReading() {
    up.maybeRead();
    down.maybeRead();
  }

  /** A link wrote these bytes: once enough have flowed and both links are idle and toxic-free, splice. */
  void written(long bytes) {
    bytesWritten += bytes;
    if (splice == null && !spliceRefused && !closed && bytesWritten >= SpliceRelay.AFTER_BYTES
        && SpliceRelay.possible(client, upstream) && idle()) {
      splice = SpliceRelay.start(this, client, upstream, this::idle);
      spliceRefused = splice == null;
    }
  }

  private boolean idle() {
    return !closed && up.idle() && down.idle();
  }

  boolean splicing() {
    return splice != null;
  }

  /** A toxic is about to join a link: the bytes go through the links again, what the pipes hold written first. */
  void stopSplicing() {
    if (splice != null) {
      splice.leave(SpliceRelay.Ending.HAND_BACK);
    }
  }

  @Override
  public void spliceEnded() {
    splice = null;
    if (!closed) {
      startReading();
    }
  }

  /** Both directions have sent FIN: nothing more can flow, close both sockets. */
  void onOutputEnded() {
    if (up.outputEnded() && down.outputEnded()) {
      close();
    }
  }

  /** FIN to both sides after what was already written; toxics' held data is discarded. */
  @Override
  public void close() {
    end(ProxySockets::closeAfterWrites, SpliceRelay.Ending.CLOSE);
  }

  /** RST to both sides. */
  @Override
  public void reset() {
    end(ProxySockets::abort, SpliceRelay.Ending.RESET);
  }

  private void end(java.util.function.Consumer<Channel> how, SpliceRelay.Ending ending) {
    if (closed) {
      return;
    }
    closed = true;
    if (splice != null) {
      splice.leave(ending); // the pipes' bytes go out (or, on a reset, are dropped) before the FIN or RST
    }
    up.cancelTimers();
    down.cancelTimers();
    up.discardHeld();
    down.discardHeld();
    how.accept(client);
    how.accept(upstream);
    connections.forget(this);
  }

  /** Reads one side; hands data, FIN, RST and close to the link of that direction. */
  private final class SideHandler extends ChannelInboundHandlerAdapter {
    private final Link link;

    SideHandler(Link link, Channel other) {
      this.link = link;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (closed) {
        ((ByteBuf) msg).release(); // closing: drained and discarded, so the close is a FIN, not an RST
        return;
      }
      link.onRead((ByteBuf) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      link.onReadComplete();
      ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        if (closed) {
          ctx.close(); // the peer's FIN after ours: done
        } else {
          link.onInputEnd();
        }
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      // this side drained: the link that writes here may read its source again
      link(ctx.channel() == client ? Direction.DOWNSTREAM : Direction.UPSTREAM).maybeRead();
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (io.netharness.internal.WireRecorder.isReset(cause)) { // the one rule, shared with the endpoints' transcripts
        reset(); // pass the RST on
      } else {
        close();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      // Sides are half-closed (FIN) without becoming inactive; inactive means we closed it or it failed.
      close();
      connections.forget(ProxyConnection.this);
    }
  }

  @Override
  public String toString() {
    return "connection #" + index + " " + client.remoteAddress() + " -> " + upstream.remoteAddress();
  }
}
