package io.netharness.client;

import io.netharness.Endpoint;
import io.netharness.Framing;
import io.netharness.Inbound;
import io.netharness.ReceiveDefaults;
import io.netharness.StreamReceiver;
import io.netharness.HarnessException;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.internal.FileSources;
import io.netharness.internal.Resets;
import io.netharness.internal.InboundBuffer;
import io.netharness.internal.Writes;
import io.netharness.payload.Payload;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A TCP client connected to any host:port. Sends wait until the bytes are written to the socket;
 * receives consume from what arrived, in order, and fail with a message that shows what did
 * arrive. Unread data beyond a few MiB pauses reading, so a fast peer is held back by TCP flow
 * control rather than by the heap.
 *
 * <pre>{@code
 * try (TcpClient client = TcpClient.builder().address(server.address()).framing(Framing.lines()).connect()) {
 *   client.send(Payload.utf8("ping\n"));
 *   client.expectText("pong\n");              // UTF-8 within 5 s, or set charset(…) and timeout(…) once
 *   client.expectText("pong\n", UTF_8, Duration.ofSeconds(2));
 *   client.shutdownOutput();               // FIN: "I am done sending"
 *   client.awaitPeerClosed(Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class TcpClient implements Endpoint, StreamReceiver {
  /** Default for connect and send timeouts. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final Channel channel;
  private final Transcript transcript;
  private final InboundBuffer inbound;
  private final Inbound in;
  private final Duration sendTimeout;
  private final String name;
  private final InetSocketAddress local;
  private final InetSocketAddress remote;

  private TcpClient(Builder builder, Channel channel, Transcript transcript, InboundBuffer inbound) {
    this.channel = channel;
    this.transcript = transcript;
    this.inbound = inbound;
    this.sendTimeout = builder.sendTimeout;
    this.name = builder.name;
    this.local = (InetSocketAddress) channel.localAddress();
    this.remote = (InetSocketAddress) channel.remoteAddress();
    this.in = new Inbound(inbound, transcript, builder.framing, this::owner, builder.defaults);
  }

  /** Connects with default settings (5 s connect timeout, raw framing). */
  public static TcpClient connect(InetSocketAddress address) {
    return builder().address(address).connect();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String name() {
    return name;
  }

  /** The client's own end of the connection: the address a server sees. Same as {@link #localAddress()}. */
  @Override
  public InetSocketAddress address() {
    return local;
  }

  public InetSocketAddress localAddress() {
    return local;
  }

  public InetSocketAddress remoteAddress() {
    return remote;
  }

  public Transcript transcript() {
    return transcript;
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  public long bytesSent() {
    return transcript.bytesSent();
  }

  public long bytesReceived() {
    return inbound.received();
  }

  /**
   * The kernel's view of this connection now (RTT, congestion window, retransmissions), read with TCP_INFO;
   * empty on the NIO transport, which cannot read it, and once the connection is closed.
   */
  public Optional<io.netharness.TcpInfo> tcpInfo() {
    return io.netharness.internal.TcpInfos.of(channel);
  }

  /** Bytes received but not consumed by a receive or expect call yet. */
  public long bytesWaiting() {
    return inbound.available();
  }

  // ---- sending -------------------------------------------------------------------------------

  /** Writes the payload and waits until the socket accepted it. */
  public TcpClient send(Payload payload) {
    return send(payload.bytes(), payload.description());
  }

  public TcpClient send(byte[] bytes) {
    return send(bytes, bytes.length + " bytes");
  }

  public TcpClient sendText(String text, Charset charset) {
    return send(Payload.text(text, charset));
  }

  /** Sends the message framed: newline appended, length prepended and so on. */
  public TcpClient sendFramed(Payload payload, Framing framing) {
    return send(framing.encode(payload.bytes()), payload.description() + " framed as " + framing.describe());
  }

  /** Streams a file of any size without loading it into memory. */
  public TcpClient sendFile(Path file) {
    await(channel.writeAndFlush(FileSources.chunks(file)), "sending file " + file, sendTimeout);
    return this;
  }

  private TcpClient send(byte[] bytes, String what) {
    if (!channel.isActive()) {
      throw new HarnessException("cannot send " + what + ": the connection of client \"" + name
          + "\" is closed (" + inbound.endReason() + ")");
    }
    await(channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)), "sending " + what, sendTimeout);
    return this;
  }

  /**
   * Waits until the peer's kernel has acknowledged every byte sent, so they sit in its receive
   * queue. Exact on Linux's native transport (TCP_INFO); elsewhere returns at once.
   */
  public TcpClient awaitAcknowledged(Duration timeout) {
    if (channel instanceof io.netty.channel.epoll.EpollSocketChannel epoll) {
      Await.until(timeout, () -> !epoll.isActive() || epoll.tcpInfo().unacked() == 0,
          () -> failure("expected the peer to acknowledge every byte sent within " + Await.human(timeout)));
    }
    return this;
  }

  /** Half-close: sends FIN, keeps receiving. The peer sees an empty read. */
  public TcpClient shutdownOutput() {
    if (channel instanceof SocketChannel socket && channel.isActive()) {
      await(socket.shutdownOutput(), "shutting down output", sendTimeout);
      transcript.record(TranscriptEvent.Kind.OUTPUT_SHUTDOWN, "FIN sent");
    }
    return this;
  }

  /** Closes with RST instead of FIN (SO_LINGER 0): the peer sees "connection reset". */
  public void abort() {
    Resets.reset(channel, transcript).awaitUninterruptibly(sendTimeout.toMillis());
    channel.closeFuture().awaitUninterruptibly(sendTimeout.toMillis());
  }

  /** Closes cleanly (FIN). Idempotent. */
  @Override
  public void close() {
    if (channel.isOpen()) {
      channel.close().syncUninterruptibly();
    }
  }

  /** What arrived and was not consumed yet; every receive and expect of {@link StreamReceiver} is a shortcut to it. */
  @Override
  public Inbound inbound() {
    return in;
  }

  private String failure(String expectation) {
    return owner() + ": " + expectation + ".\nWhat arrived and was not consumed yet:\n" + describeWaiting(in.defaults().charset());
  }

  private String owner() {
    return "client \"" + name + "\" (" + Connect.describe(local) + " -> " + Connect.describe(remote) + ")";
  }

  private void await(ChannelFuture future, String what, Duration timeout) {
    Writes.await(future, "client \"" + name + "\"", what, timeout);
  }

  @Override
  public String toString() {
    return "TcpClient[" + name + " " + channel + "]";
  }

  /** Settings for a client; {@link #connect()} opens the connection. */
  public static final class Builder {
    private @Nullable InetSocketAddress address;
    private Duration connectTimeout = DEFAULT_TIMEOUT;
    private Duration sendTimeout = Duration.ofSeconds(30);
    private Framing framing = Framing.raw();
    private int readBufferBytes;
    private String name = "client";
    private ReceiveDefaults defaults = ReceiveDefaults.STANDARD;

    private Builder() {}

    /** The charset of receive and expect calls that name none (default UTF-8). */
    public Builder charset(Charset charset) {
      this.defaults = defaults.withCharset(charset);
      return this;
    }

    /** How long receive and expect calls that name no timeout wait (default 5 s). */
    public Builder timeout(Duration timeout) {
      this.defaults = defaults.withTimeout(timeout);
      return this;
    }

    public Builder address(InetSocketAddress address) {
      this.address = address;
      return this;
    }

    public Builder address(String host, int port) {
      return address(new InetSocketAddress(host, port));
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connect timeout", timeout);
      return this;
    }

    public Builder sendTimeout(Duration timeout) {
      this.sendTimeout = positive("send timeout", timeout);
      return this;
    }

    private static Duration positive(String what, Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new HarnessException(what + " must be positive, not " + timeout);
      }
      return timeout;
    }

    /** How incoming bytes are cut into frames for {@link TcpClient#receiveFrame}. */
    public Builder framing(Framing framing) {
      this.framing = framing;
      return this;
    }

    /** Read at most this many bytes per read, like {@code recv(1024)}; 0 lets Netty adapt. */
    public Builder readBufferBytes(int bytes) {
      if (bytes < 0) {
        throw new HarnessException("read buffer size cannot be negative: " + bytes);
      }
      this.readBufferBytes = bytes;
      return this;
    }

    /** A name used in messages and reports. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The same as {@link #connect()}: the one spelling every endpoint's builder has. */
    public TcpClient start() {
      return connect();
    }

    public TcpClient connect() {
      InetSocketAddress target = address;
      if (target == null) {
        throw new HarnessException("a client needs an address: call address(host, port) before connect()");
      }
      if (target.isUnresolved()) {
        throw new HarnessException("cannot resolve host \"" + target.getHostString() + "\": check the host name");
      }
      io.netharness.internal.ClientChannels.Opened opened =
          io.netharness.internal.ClientChannels.connect(target, connectTimeout, framing, readBufferBytes);
      return new TcpClient(this, opened.channel(), opened.transcript(), opened.inbound());
    }
  }
}
