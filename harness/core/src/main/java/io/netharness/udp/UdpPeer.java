package io.netharness.udp;

import io.netharness.ExpectationFailedException;
import io.netharness.ReceiveDefaults;
import io.netharness.HarnessException;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.internal.Transports;
import io.netharness.payload.HexDump;
import io.netharness.payload.Payload;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A UDP socket bound to 127.0.0.1 on an ephemeral port unless told otherwise. Each send is one
 * datagram and arrives whole or not at all. Sending to a port where nobody listens raises no
 * error at the sender: UDP has no connection to refuse.
 *
 * <pre>{@code
 * try (UdpPeer receiver = UdpPeer.builder().timeout(Duration.ofSeconds(1)).start(); UdpPeer sender = UdpPeer.bind()) {
 *   sender.sendTo(receiver.address(), Payload.utf8("one"));
 *   sender.sendTo(receiver.address(), Payload.utf8("two"));
 *   receiver.expectDatagram("one");                       // UTF-8, within the peer's 1 s
 *   receiver.expectDatagram(Payload.utf8("two").bytes(), UTF_8, Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public final class UdpPeer implements io.netharness.Endpoint {
  /** Datagrams kept for {@link #received()}; later ones are counted only. */
  public static final int RECORD_LIMIT = 100_000;
  /** Largest UDP payload over IPv4. */
  public static final int MAX_DATAGRAM_BYTES = 65_507;

  private final String name;
  private final Channel channel;
  private final Transcript transcript;
  private final ArrayDeque<RecordedDatagram> waiting = new ArrayDeque<>();
  private final List<RecordedDatagram> received = new ArrayList<>();
  private int receivedCount;
  private long sentCount;

  private final ReceiveDefaults defaults;

  private UdpPeer(String name, Channel channel, Transcript transcript, ReceiveDefaults defaults) {
    this.name = name;
    this.channel = channel;
    this.transcript = transcript;
    this.defaults = defaults;
  }

  /** Binds 127.0.0.1 on a free port. */
  public static UdpPeer bind() {
    return builder().start();
  }

  /** Binds {@code host:port}; port 0 picks a free one. */
  public static UdpPeer bind(String name, String host, int port) {
    return builder().name(name).host(host).port(port).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static UdpPeer bind(String name, String host, int port, ReceiveDefaults defaults) {
    Transcript transcript = new Transcript();
    UdpPeer[] holder = new UdpPeer[1];
    InetSocketAddress address = new InetSocketAddress(host, port);
    ChannelFuture bind = new Bootstrap()
        .group(Transports.group())
        .channel(Transports.datagramChannel())
        .option(ChannelOption.ALLOCATOR, Transports.allocator())
        .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES + 1))
        .option(ChannelOption.SO_RCVBUF, 4 << 20)
        .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
          @Override
          protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            holder[0].onDatagram(packet.sender(), ByteBufUtil.getBytes(packet.content()));
          }

          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            transcript.record(TranscriptEvent.Kind.ERROR, String.valueOf(cause)); // e.g. ICMP on a connected socket
          }
        })
        .bind(address)
        .awaitUninterruptibly();
    if (!bind.isSuccess()) {
      Throwable cause = bind.cause();
      throw Connect.bindFailure("UDP", address, cause == null ? new IllegalStateException("cancelled") : cause);
    }
    UdpPeer peer = new UdpPeer(name, bind.channel(), transcript, defaults);
    holder[0] = peer;
    transcript.record(TranscriptEvent.Kind.CONNECTED, "bound " + Connect.describe(bind.channel().localAddress()));
    return peer;
  }

  public String name() {
    return name;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** @deprecated use {@link #port()}; endpoints spell their accessors without {@code get} */
  @Deprecated
  public int getPort() {
    return port();
  }

  public Transcript transcript() {
    return transcript;
  }

  /** Sends one datagram; returns once the socket took it. No error if nobody listens. */
  public UdpPeer sendTo(InetSocketAddress target, byte[] bytes) {
    if (bytes.length > MAX_DATAGRAM_BYTES) {
      throw new HarnessException("a UDP datagram carries at most " + MAX_DATAGRAM_BYTES + " bytes, not "
          + bytes.length + ": split the payload into several datagrams");
    }
    if (target.isUnresolved()) {
      throw new HarnessException("cannot resolve host \"" + target.getHostString() + "\": check the host name");
    }
    ChannelFuture write = channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), target))
        .awaitUninterruptibly();
    if (!write.isSuccess()) {
      throw new HarnessException("peer \"" + name + "\": sending a datagram to " + Connect.describe(target)
          + " failed: " + write.cause());
    }
    synchronized (this) {
      sentCount++;
    }
    transcript.recordData(TranscriptEvent.Kind.SENT, bytes, bytes.length, "to " + Connect.describe(target));
    return this;
  }

  public UdpPeer sendTo(InetSocketAddress target, Payload payload) {
    return sendTo(target, payload.bytes());
  }

  /** Takes the next datagram not taken yet, waiting up to {@code timeout}. */
  public RecordedDatagram receive(Duration timeout) {
    // the check takes: with several threads receiving, each gets its own datagram or keeps waiting
    RecordedDatagram[] taken = new RecordedDatagram[1];
    Await.until(timeout, () -> (taken[0] = takeFirst()) != null,
        () -> "peer \"" + name + "\" (" + Connect.describe(address()) + "): expected a datagram within "
            + Await.human(timeout) + ", but none arrived (" + receivedCount() + " received before)");
    return taken[0];
  }

  /** The next datagram, or null if none arrives within {@code timeout}. */
  public @Nullable RecordedDatagram poll(Duration timeout) {
    RecordedDatagram[] taken = new RecordedDatagram[1];
    return Await.holdsWithin(timeout, () -> (taken[0] = takeFirst()) != null) ? taken[0] : null;
  }

  private synchronized @Nullable RecordedDatagram takeFirst() {
    return waiting.pollFirst();
  }

  /** Takes the next datagram and checks it is exactly {@code expected}. */
  public RecordedDatagram expectDatagram(byte[] expected, Charset charset, Duration timeout) {
    RecordedDatagram datagram = receive(timeout);
    if (!java.util.Arrays.equals(datagram.bytes(), expected)) {
      throw new ExpectationFailedException("peer \"" + name + "\": expected datagram "
          + HexDump.quote(new String(expected, charset)) + " (" + expected.length + " bytes), but " + datagram
          + " was:\n" + HexDump.of(datagram.bytes(), charset));
    }
    return datagram;
  }

  /** The next datagram, waiting the peer's timeout (see {@link Builder#timeout}). */
  public RecordedDatagram receive() {
    return receive(defaults.timeout());
  }

  /** The next datagram, checked against {@code expected}, with the peer's charset and timeout. */
  public RecordedDatagram expectDatagram(byte[] expected) {
    return expectDatagram(expected, defaults.charset(), defaults.timeout());
  }

  /** The next datagram, checked against {@code text} in the peer's charset, within the peer's timeout. */
  public RecordedDatagram expectDatagram(String text) {
    return expectDatagram(text.getBytes(defaults.charset()));
  }

  /** Waits until {@code count} datagrams in all have arrived. */
  public void awaitReceivedCount(int count, Duration timeout) {
    Await.until(timeout, () -> receivedCount() >= count,
        () -> "peer \"" + name + "\": expected " + count + " datagrams within " + Await.human(timeout)
            + ", but " + receivedCount() + " arrived");
  }

  /** Checks that no datagram arrives for the whole {@code period}. */
  public void expectNothing(Duration period) {
    int before = receivedCount();
    Await.during(period, () -> receivedCount() > before,
        () -> "peer \"" + name + "\": expected no datagram for " + Await.human(period) + ", but one arrived");
  }

  public synchronized int receivedCount() {
    return receivedCount;
  }

  public synchronized long sentCount() {
    return sentCount;
  }

  public synchronized int waitingCount() {
    return waiting.size();
  }

  /** Every datagram received so far (up to {@link #RECORD_LIMIT}), taken or not. */
  public synchronized List<RecordedDatagram> received() {
    return List.copyOf(received);
  }

  /** Idempotent. */
  @Override
  public void close() {
    if (channel.isOpen()) {
      channel.close().syncUninterruptibly();
      transcript.record(TranscriptEvent.Kind.CLOSED, "");
    }
  }

  private void onDatagram(InetSocketAddress sender, byte[] bytes) {
    Duration at = transcript.recordData(TranscriptEvent.Kind.RECEIVED, bytes, bytes.length, "from " + Connect.describe(sender));
    synchronized (this) {
      receivedCount++;
      RecordedDatagram datagram = new RecordedDatagram(receivedCount, sender, bytes, at);
      if (received.size() < RECORD_LIMIT) {
        received.add(datagram);
      }
      if (waiting.size() < RECORD_LIMIT) {
        waiting.addLast(datagram);
      }
    }
  }


  @Override
  public String toString() {
    return "UdpPeer[" + name + " " + address() + "]";
  }

  /** Peer settings; {@link #start()} binds. Defaults: name "udp", 127.0.0.1, a free port, UTF-8 and 5 s. */
  public static final class Builder {
    private String name = "udp";
    private String host = "127.0.0.1";
    private int port;
    private ReceiveDefaults defaults = ReceiveDefaults.STANDARD;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** 0 (the default) picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new io.netharness.HarnessException("a UDP port is 0 to 65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** The charset of {@link UdpPeer#expectDatagram(String)} and failure messages (default UTF-8). */
    public Builder charset(Charset charset) {
      this.defaults = defaults.withCharset(charset);
      return this;
    }

    /** How long {@link UdpPeer#receive()} and the other calls without a timeout wait (default 5 s). */
    public Builder timeout(Duration timeout) {
      this.defaults = defaults.withTimeout(timeout);
      return this;
    }

    /** Binds the socket: the peer can send and receive at once. */
    public UdpPeer start() {
      return bind(name, host, port, defaults);
    }
  }
}
