package io.netharness.client;

import io.netharness.Framing;
import io.netharness.Inbound;
import io.netharness.HarnessException;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.internal.InboundBuffer;
import io.netharness.internal.WireRecorder;
import io.netharness.payload.Payload;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Pattern;
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
 *   client.expectText("pong\n", UTF_8, Duration.ofSeconds(2));
 *   client.shutdownOutput();               // FIN: "I am done sending"
 *   client.awaitPeerClosed(Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class TcpClient implements io.netharness.Endpoint {
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
    this.in = new Inbound(inbound, transcript, builder.framing, this::owner);
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
    FileChannel source;
    try {
      source = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new HarnessException("cannot read file " + file.toAbsolutePath() + " to send: " + e.getMessage(), e);
    }
    ChunkedNioFile chunks;
    try {
      chunks = new ChunkedNioFile(source, 64 * 1024);
    } catch (IOException e) {
      try {
        source.close();
      } catch (IOException ignored) {
        // reporting the first error
      }
      throw new HarnessException("cannot send file " + file + ": " + e.getMessage(), e);
    }
    await(channel.writeAndFlush(chunks), "sending file " + file, sendTimeout);
    return this;
  }

  private TcpClient send(byte[] bytes, String what) {
    requireOpenForWrite(what);
    await(channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)), "sending " + what, sendTimeout);
    return this;
  }

  private void requireOpenForWrite(String what) {
    if (!channel.isActive()) {
      throw new HarnessException("cannot send " + what + ": the connection of client \"" + name
          + "\" is closed (" + inbound.endReason() + ")");
    }
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
    // on the event loop, so the channel cannot close between the check and SO_LINGER
    channel.eventLoop().submit(() -> {
      if (channel.isOpen()) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        transcript.record(TranscriptEvent.Kind.ABORTED, "RST sent (SO_LINGER 0)");
        channel.close();
      }
    }).awaitUninterruptibly(sendTimeout.toMillis());
    channel.closeFuture().awaitUninterruptibly(sendTimeout.toMillis());
  }

  /** Closes cleanly (FIN). Idempotent. */
  @Override
  public void close() {
    if (channel.isOpen()) {
      channel.close().syncUninterruptibly();
    }
  }

  // ---- receiving: each call consumes what it matched; see Inbound ------------------------------

  /** What arrived and was not consumed yet; every receive and expect below is a shortcut to it. */
  public Inbound inbound() {
    return in;
  }

  /** Consumes exactly {@code n} bytes, waiting up to {@code timeout} for them. */
  public byte[] receiveBytes(int n, Duration timeout) {
    return in.receiveBytes(n, timeout);
  }

  /** Consumes {@code expected.length} bytes and checks they are exactly {@code expected}. */
  public void expectBytes(byte[] expected, Duration timeout) {
    in.expectBytes(expected, timeout);
  }

  /** Consumes the text's bytes in {@code charset} and checks them. */
  public void expectText(String text, Charset charset, Duration timeout) {
    in.expectText(text, charset, timeout);
  }

  /** Consumes one line (up to {@code \n}) and returns it without its {@code \r\n} or {@code \n}. */
  public String receiveLine(Charset charset, Duration timeout) {
    return in.receiveLine(charset, timeout);
  }

  /** Consumes the next text matching {@code regex} from where the stream stands; see {@link Inbound#receiveMatching}. */
  public String receiveMatching(Pattern regex, Charset charset, Duration timeout) {
    return in.receiveMatching(regex, charset, timeout);
  }

  /** Consumes the next read as it came off the socket — or, with a framing, the next message. */
  public byte[] receiveFrame(Duration timeout) {
    return in.receiveFrame(timeout);
  }

  /** Consumes everything until the peer closes; for large streams prefer {@link #sha256UntilEnd}. */
  public byte[] receiveUntilEnd(Duration timeout) {
    return in.receiveUntilEnd(timeout);
  }

  /** Consumes the stream until the peer closes and returns its SHA-256 (lower-case hex), in bounded memory. */
  public String sha256UntilEnd(Duration timeout) {
    return in.sha256UntilEnd(timeout);
  }

  /** Waits for the end of the incoming stream (FIN, RST or close) without consuming data. */
  public String awaitEnd(Duration timeout) {
    return in.awaitEnd(timeout);
  }

  /** Waits for FIN from the peer: its clean close, the empty read. */
  public void awaitPeerClosed(Duration timeout) {
    in.awaitPeerClosed(timeout);
  }

  /** Waits for RST from the peer: "connection reset by peer". */
  public void awaitPeerReset(Duration timeout) {
    in.awaitPeerReset(timeout);
  }

  /** Checks that no bytes arrive for the whole {@code period}. */
  public void expectNothing(Duration period) {
    in.expectNothing(period);
  }

  /** What is waiting, as a hexdump with decoded text (at most 4 KiB shown). */
  public String describeWaiting(Charset charset) {
    return in.describeWaiting(charset);
  }

  private String failure(String expectation) {
    return owner() + ": " + expectation + ".\nWhat arrived and was not consumed yet:\n"
        + in.describeWaiting(StandardCharsets.UTF_8);
  }

  private String owner() {
    return "client \"" + name + "\" (" + Connect.describe(local) + " -> " + Connect.describe(remote) + ")";
  }

  private void await(ChannelFuture future, String what, Duration timeout) {
    // A loopback write completes within microseconds: spinning briefly avoids a park/unpark.
    if (!Await.spinUntil(future::isDone, timeout) && !future.awaitUninterruptibly(timeout.toMillis())) {
      throw new HarnessException("client \"" + name + "\": " + what + " did not complete within "
          + Await.human(timeout) + ": the peer is not reading (TCP flow control is holding the data)");
    }
    if (!future.isSuccess()) {
      Throwable cause = future.cause();
      String reason = cause != null && WireRecorder.isReset(cause) ? "the peer reset the connection (RST)"
          : String.valueOf(cause == null ? "cancelled" : cause.getMessage());
      throw new HarnessException("client \"" + name + "\": " + what + " failed: " + reason, cause);
    }
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

    private Builder() {}

    public Builder address(InetSocketAddress address) {
      this.address = address;
      return this;
    }

    public Builder address(String host, int port) {
      return address(new InetSocketAddress(host, port));
    }

    public Builder connectTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new HarnessException("connect timeout must be positive, not " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    public Builder sendTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new HarnessException("send timeout must be positive, not " + timeout);
      }
      this.sendTimeout = timeout;
      return this;
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
