package io.netharness.impairment;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One client of a relay and its own upstream socket: what the client sends leaves from that
 * socket, and what arrives on it goes back to the client. Used on the relay's event loop only.
 */
final class Session {
  private final UdpRelay relay;
  private final InetSocketAddress client;
  private final ArrayDeque<ByteBuf> waitingForBind = new ArrayDeque<>();
  private @Nullable Channel upstream;
  private boolean unflushed;
  private boolean closed;
  final Output toTarget = this::sendToTarget;
  final Output toClient = this::sendToClient;

  Session(UdpRelay relay, InetSocketAddress client) {
    this.relay = relay;
    this.client = client;
  }

  void open(InetSocketAddress bindAddress) {
    relay.datagramBootstrap()
        .handler(new RelayHandlers.FromTarget(relay, this))
        .bind(bindAddress)
        .addListener(f -> {
          if (!f.isSuccess() || closed) {
            waitingForBind.forEach(ByteBuf::release);
            waitingForBind.clear();
            return;
          }
          Channel c = ((io.netty.channel.ChannelFuture) f).channel();
          upstream = c;
          ByteBuf next;
          while ((next = waitingForBind.poll()) != null) {
            c.write(new DatagramPacket(next, relay.target()), c.voidPromise());
          }
          c.flush();
        });
  }

  private void sendToTarget(ByteBuf content, boolean flush) {
    Channel c = upstream;
    if (closed) {
      content.release();
    } else if (c == null) {
      waitingForBind.add(content);
    } else {
      c.write(new DatagramPacket(content, relay.target()), c.voidPromise());
      if (flush) {
        c.flush();
      } else if (!unflushed) {
        unflushed = true;
        relay.markUnflushed(this);
      }
    }
  }

  private void sendToClient(ByteBuf content, boolean flush) {
    Channel c = relay.started();
    if (closed || !c.isOpen()) {
      content.release();
      return;
    }
    c.write(new DatagramPacket(content, client), c.voidPromise());
    if (flush) {
      c.flush();
    }
  }

  void flush() {
    unflushed = false;
    Channel c = upstream;
    if (c != null) {
      c.flush();
    }
  }

  void close(List<Channel> toClose) {
    closed = true;
    waitingForBind.forEach(ByteBuf::release);
    waitingForBind.clear();
    Channel c = upstream;
    if (c != null) {
      toClose.add(c);
    }
  }
}
