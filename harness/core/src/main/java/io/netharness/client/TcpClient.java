package io.netharness.client;

import io.netharness.ExpectationFailedException;
import io.netharness.Framing;
import io.netharness.HarnessException;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.internal.InboundBuffer;
import io.netharness.internal.Transports;
import io.netharness.internal.WireRecorder;
import io.netharness.payload.HexDump;
import io.netharness.payload.Payload;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
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
public final class TcpClient implements AutoCloseable {
  /** Default for connect and send timeouts. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final int DUMP_LIMIT = 4096;

  private final Channel channel;
  private final Transcript transcript;
  private final InboundBuffer inbound;
  private final Framing framing;
  private final Duration sendTimeout;
  private final String name;
  private final InetSocketAddress local;
  private final InetSocketAddress remote;

  private TcpClient(Builder builder, Channel channel, Transcript transcript, InboundBuffer inbound) {
    this.channel = channel;
    this.transcript = transcript;
    this.inbound = inbound;
    this.framing = builder.framing;
    this.sendTimeout = builder.sendTimeout;
    this.name = builder.name;
    this.local = (InetSocketAddress) channel.localAddress();
    this.remote = (InetSocketAddress) channel.remoteAddress();
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

  // ---- receiving -----------------------------------------------------------------------------

  /** Consumes exactly {@code n} bytes, waiting up to {@code timeout} for them. */
  public byte[] receiveBytes(int n, Duration timeout) {
    Await.until(timeout, () -> inbound.available() >= n || inbound.ended(),
        () -> failure("expected " + n + " bytes within " + Await.human(timeout)));
    if (inbound.available() < n) {
      throw new ExpectationFailedException(failure("expected " + n + " bytes, but the connection ended"));
    }
    return inbound.take(n);
  }

  /** Consumes {@code expected.length} bytes and checks they are exactly {@code expected}. */
  public void expectBytes(byte[] expected, Duration timeout) {
    expect(expected, timeout, StandardCharsets.UTF_8);
  }

  /** Consumes the text's bytes in {@code charset} and checks them. */
  public void expectText(String text, Charset charset, Duration timeout) {
    expect(Payload.text(text, charset).bytes(), timeout, charset);
  }

  private void expect(byte[] expected, Duration timeout, Charset charset) {
    // stop waiting as soon as what is waiting can no longer become the expected bytes
    Await.until(timeout, () -> inbound.available() >= expected.length || inbound.ended() || !waitingIsPrefixOf(expected),
        () -> failure("expected " + describe(expected, charset) + " within " + Await.human(timeout), charset));
    byte[] head = inbound.peek(expected.length);
    if (!java.util.Arrays.equals(head, expected)) {
      String what = !waitingIsPrefixOf(expected) ? ", but different bytes arrived"
          : inbound.ended() ? ", but the connection ended (" + inbound.endReason() + ")"
          : ", but only " + head.length + " of " + expected.length + " bytes arrived";
      throw new ExpectationFailedException(failure("expected " + describe(expected, charset) + what, charset));
    }
    inbound.take(expected.length);
  }

  /** Consumes one line (up to {@code \n}) and returns it without its {@code \r\n} or {@code \n}. */
  public String receiveLine(Charset charset, Duration timeout) {
    if (!(framing instanceof Framing.Raw)) {
      // the decoder already cut the stream into messages (and stripped line endings)
      return new String(receiveFrame(timeout), charset);
    }
    byte[] newline = {'\n'};
    Await.until(timeout, () -> inbound.indexOf(newline, Integer.MAX_VALUE) >= 0 || inbound.ended(),
        () -> failure("expected a line (ending in \\n) within " + Await.human(timeout), charset));
    long at = inbound.indexOf(newline, Integer.MAX_VALUE);
    if (at < 0) {
      throw new ExpectationFailedException(failure("expected a line, but the connection ended", charset));
    }
    String line = new String(inbound.take((int) at + 1), charset);
    return line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line.substring(0, line.length() - 1);
  }

  /**
   * Waits until the waiting bytes, decoded in {@code charset}, start with a match of
   * {@code regex}; consumes exactly the bytes of the match and returns the matched text.
   */
  public String receiveMatching(Pattern regex, Charset charset, Duration timeout) {
    Await.until(timeout, () -> regex.matcher(decodedWaiting(charset)).lookingAt() || inbound.ended(),
        () -> failure("expected the next text to match /" + regex + "/ within " + Await.human(timeout), charset));
    String waiting = decodedWaiting(charset);
    Matcher matcher = regex.matcher(waiting);
    if (!matcher.lookingAt()) {
      throw new ExpectationFailedException(failure("expected the next text to match /" + regex
          + "/, but the connection ended", charset));
    }
    inbound.take(bytesForChars(inbound.peek(1 << 20), charset, matcher.end()));
    return matcher.group();
  }

  /** How many bytes decode to the first {@code chars} characters (lenient, as decodedWaiting). */
  private static int bytesForChars(byte[] bytes, Charset charset, int chars) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(chars);
    charset.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
        .decode(in, out, true);
    return in.position();
  }

  /** Consumes the next read as it came off the socket — or, with a framing, the next message. */
  public byte[] receiveFrame(Duration timeout) {
    Await.until(timeout, () -> inbound.chunkCount() > 0 || inbound.ended(),
        () -> failure("expected a " + (framing instanceof Framing.Raw ? "read" : framing.describe() + " frame")
            + " within " + Await.human(timeout)));
    if (inbound.chunkCount() == 0) {
      throw new ExpectationFailedException(failure("expected a frame, but the connection ended"));
    }
    return inbound.takeChunk();
  }

  /** Consumes everything until the peer closes; for large streams prefer {@link #sha256UntilEnd}. */
  public byte[] receiveUntilEnd(Duration timeout) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    drainUntilEnd(timeout, chunk -> all.write(chunk, 0, chunk.length));
    return all.toByteArray();
  }

  /** Consumes what arrives, chunk by chunk, until the peer closes; memory stays bounded. */
  private void drainUntilEnd(Duration timeout, java.util.function.Consumer<byte[]> sink) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      Await.until(left, () -> inbound.available() > 0 || inbound.ended(),
          () -> failure("expected the peer to close within " + Await.human(timeout) + " ("
              + transcript.bytesReceived() + " bytes received so far)"));
      if (inbound.available() > 0) {
        sink.accept(inbound.takeChunk()); // one read at a time: handed over without a copy
      } else if (inbound.ended()) {
        return;
      }
    }
  }

  /**
   * Consumes the stream until the peer closes and returns its SHA-256 as lower-case hex, holding
   * at most a few MiB in memory whatever the size.
   */
  public String sha256UntilEnd(Duration timeout) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    drainUntilEnd(timeout, digest::update);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Waits for the end of the incoming stream (FIN, RST or close) without consuming data. */
  public String awaitEnd(Duration timeout) {
    Await.until(timeout, () -> inbound.ended() || inbound.paused(),
        () -> failure("expected the connection to end within " + Await.human(timeout)));
    if (!inbound.ended()) {
      throw new ExpectationFailedException(failure("cannot see the end of the connection: more than "
          + (InboundBuffer.HIGH_WATER >> 20) + " MiB arrived that nobody consumed, so reading is paused (flow"
          + " control) and the FIN waits behind them; consume the data first (receive…, sha256UntilEnd)"));
    }
    return inbound.endReason();
  }

  /** Waits for FIN from the peer: its clean close, the empty read. */
  public void awaitPeerClosed(Duration timeout) {
    awaitEnd(timeout);
    if (!transcript.has(TranscriptEvent.Kind.PEER_CLOSED)) {
      throw new ExpectationFailedException(failure("expected the peer to close cleanly (FIN), but: " + inbound.endReason()));
    }
  }

  /** Waits for RST from the peer: "connection reset by peer". */
  public void awaitPeerReset(Duration timeout) {
    Await.until(timeout, () -> transcript.has(TranscriptEvent.Kind.PEER_RESET),
        () -> failure("expected the peer to reset the connection (RST) within " + Await.human(timeout)
            + ", but: " + inbound.endReason()));
  }

  /** Checks that no bytes arrive for the whole {@code period}. */
  public void expectNothing(Duration period) {
    long before = inbound.received();
    Await.during(period, () -> inbound.received() > before,
        () -> failure("expected nothing for " + Await.human(period) + ", but bytes arrived"));
  }

  /** What is waiting, as a hexdump with decoded text (at most 4 KiB shown). */
  public String describeWaiting(Charset charset) {
    return HexDump.of(inbound.peek(DUMP_LIMIT), charset);
  }

  private boolean waitingIsPrefixOf(byte[] expected) {
    byte[] head = inbound.peek(expected.length);
    return java.util.Arrays.equals(head, 0, head.length, expected, 0, head.length);
  }

  private String decodedWaiting(Charset charset) {
    return new String(inbound.peek(1 << 20), charset);
  }

  private String failure(String expectation) {
    return failure(expectation, StandardCharsets.UTF_8);
  }

  private String failure(String expectation, Charset charset) {
    return "client \"" + name + "\" (" + Connect.describe(localAddress()) + " -> " + Connect.describe(remoteAddress())
        + "): " + expectation + ".\nWhat arrived and was not consumed yet (" + inbound.available() + " of "
        + inbound.received() + " bytes received; connection " + inbound.endReason() + "):\n"
        + HexDump.of(inbound.peek(DUMP_LIMIT), charset);
  }

  private static String describe(byte[] bytes, Charset charset) {
    return HexDump.quote(new String(bytes, charset)) + " (" + bytes.length + " bytes as " + charset.name() + ")";
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
      Transcript transcript = new Transcript();
      Channel[] holder = new Channel[1];
      InboundBuffer inbound = new InboundBuffer(
          () -> holder[0].config().setAutoRead(false), () -> holder[0].config().setAutoRead(true));
      Bootstrap bootstrap = new Bootstrap()
          .group(Transports.group())
          .channel(Transports.socketChannel())
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
          .option(ChannelOption.ALLOCATOR, Transports.allocator())
          .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              holder[0] = ch;
              ch.pipeline().addLast("wire", new WireRecorder(transcript));
              ch.pipeline().addLast("chunked", new ChunkedWriteHandler());
              ChannelHandler decoder = framing.newDecoder();
              if (decoder != null) {
                ch.pipeline().addLast("framing", decoder);
              }
              ch.pipeline().addLast("inbound", new InboundHandler(inbound));
            }
          });
      if (readBufferBytes > 0) {
        bootstrap.option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(readBufferBytes));
      }
      ChannelFuture connect = bootstrap.connect(target);
      connect.awaitUninterruptibly();
      if (!connect.isSuccess()) {
        Throwable cause = connect.cause();
        throw Connect.connectFailure(target, connectTimeout, cause == null ? new IOException("cancelled") : cause);
      }
      return new TcpClient(this, connect.channel(), transcript, inbound);
    }
  }

  /** Hands every read (or frame) to the inbound buffer and notes how the stream ended. */
  private static final class InboundHandler extends ChannelInboundHandlerAdapter {
    private final InboundBuffer inbound;

    InboundHandler(InboundBuffer inbound) {
      this.inbound = inbound;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      try {
        inbound.append(ByteBufUtil.getBytes(buf));
      } finally {
        buf.release();
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        inbound.end("closed by the peer (FIN)");
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      inbound.end(WireRecorder.isReset(cause) ? "reset by the peer (RST)" : "failed: " + cause.getMessage());
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      inbound.end("closed");
      ctx.fireChannelInactive();
    }
  }
}
