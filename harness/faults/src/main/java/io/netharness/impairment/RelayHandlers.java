package io.netharness.impairment;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/** The two read sides of a relay: datagrams from clients, and replies from the target. */
final class RelayHandlers {
  private RelayHandlers() {}

  /** On the socket clients send to: impair upstream, send from the client's own socket. */
  static final class FromClients extends ChannelInboundHandlerAdapter {
    private final UdpRelay relay;

    FromClients(UdpRelay relay) {
      this.relay = relay;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof DatagramPacket packet) || relay.isClosed()) {
        ReferenceCountUtil.release(msg);
        return;
      }
      Session session = relay.session(packet.sender());
      relay.lane(UdpDirection.UPSTREAM).onDatagram(packet.content(), session.toTarget);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      relay.flushUpstream();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A failed send (e.g. ICMP port unreachable reported late) loses that datagram, as UDP would.
    }
  }

  /** On one client's upstream socket: impair downstream, send back from the relay's address. */
  static final class FromTarget extends ChannelInboundHandlerAdapter {
    private final UdpRelay relay;
    private final Session session;

    FromTarget(UdpRelay relay, Session session) {
      this.relay = relay;
      this.session = session;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof DatagramPacket packet) || relay.isClosed()) {
        ReferenceCountUtil.release(msg);
        return;
      }
      relay.lane(UdpDirection.DOWNSTREAM).onDatagram(packet.content(), session.toClient);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      relay.started().flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // As above: UDP gives no guarantee, and the counters already show what was sent.
    }
  }
}
