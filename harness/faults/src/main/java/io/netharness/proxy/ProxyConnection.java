package io.netharness.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * One client connection through the proxy: the client's socket, the socket to the upstream, and
 * a {@link Link} each way. Lives on one event loop.
 */
final class ProxyConnection {
  private final ProxyCounters counters;
  private final OpenConnections connections;
  private final long index;
  private final Channel client;
  private final Channel upstream;
  final Link up;
  final Link down;
  private final long lastToxicSerialAtStart;
  private boolean closed;

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

  ProxyCounters counters() {
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

  /** Both directions have sent FIN: nothing more can flow, close both sockets. */
  void onOutputEnded() {
    if (up.outputEnded() && down.outputEnded()) {
      close();
    }
  }

  /** FIN to both sides after what was already written; toxics' held data is discarded. */
  void close() {
    end(ProxySockets::closeAfterWrites);
  }

  /** RST to both sides. */
  void reset() {
    end(ProxySockets::abort);
  }

  private void end(java.util.function.Consumer<Channel> how) {
    if (closed) {
      return;
    }
    closed = true;
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
