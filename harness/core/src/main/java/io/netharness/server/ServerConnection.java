package io.netharness.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netharness.ExpectationFailedException;
import io.netharness.HarnessException;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.internal.Resets;
import io.netharness.payload.HexDump;
import io.netharness.payload.Payload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One client connection as the server sees it: who it is, every byte it sent (up to
 * {@link #RECORD_LIMIT}; counters are exact beyond), the messages (reads or frames), how it ended,
 * and a transcript. Sending and closing are safe from any thread.
 *
 * <pre>{@code
 * ServerConnection c = server.takeConnection(Duration.ofSeconds(2));
 * c.awaitReceivedText("哈哈呵呵呵", Encodings.charset("GBK"), Duration.ofSeconds(2));
 * c.awaitPeerClosed(Duration.ofSeconds(2));      // the client closed: an empty read
 * }</pre>
 */
public final class ServerConnection {
  /** Received bytes kept per connection for assertions; more are counted, not kept. */
  public static final int RECORD_LIMIT = 16 << 20;
  /** Messages kept per connection for {@link #messages()}; more are counted, not kept. */
  public static final int MESSAGE_LIMIT = 100_000;
  private static final int DUMP_LIMIT = 4096;

  private final int index;
  private final Channel channel;
  private final Transcript transcript;
  private final InetSocketAddress remote;
  private final InetSocketAddress local;
  private final ReceivedRecord record = new ReceivedRecord();
  private final ConnectionEnd end = new ConnectionEnd();
  private volatile boolean pausedByUser;
  private final java.util.function.BooleanSupplier closeOnPeerClose;
  private final ServerInbound inbound = new ServerInbound();

  ServerConnection(int index, Channel channel, Transcript transcript, java.util.function.BooleanSupplier closeOnPeerClose) {
    this.index = index;
    this.channel = channel;
    this.closeOnPeerClose = closeOnPeerClose;
    // cached: a closed channel may no longer know its addresses
    this.remote = (InetSocketAddress) channel.remoteAddress();
    this.local = (InetSocketAddress) channel.localAddress();
    this.transcript = transcript;
  }

  /** 1 for the server's first connection, 2 for the second, and so on. */
  public int index() {
    return index;
  }

  public InetSocketAddress remoteAddress() {
    return remote;
  }

  public InetSocketAddress localAddress() {
    return local;
  }

  public Transcript transcript() {
    return transcript;
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  public CloseReason closeReason() {
    return end.reason();
  }

  /** True once the client sent FIN (it may still read). */
  public boolean peerClosed() {
    return end.peerClosed();
  }

  /**
   * Whether the server closes this connection when the client shuts down its output (FIN): true
   * by default, as the tutorial's server does on an empty read; false after
   * {@link TcpServer.Builder#closeOnClientFin(boolean) closeOnClientFin(false)}, so the server can
   * still reply to a client that half-closed. {@link Behavior#onPeerClosed}'s default reads it.
   */
  public boolean closesOnPeerClose() {
    return closeOnPeerClose.getAsBoolean();
  }

  /** True while the server can still send on this connection (see {@link #send(byte[])}). */
  public boolean canSend() {
    return end.canSend(channel.isActive());
  }

  public long bytesReceived() {
    return record.bytesReceived();
  }

  /**
   * The kernel's view of this connection now (RTT, congestion window, retransmissions), read with TCP_INFO;
   * empty on the NIO transport, which cannot read it, and once the connection is closed.
   */
  public java.util.Optional<io.netharness.TcpInfo> tcpInfo() {
    return io.netharness.internal.TcpInfos.of(channel);
  }

  public long bytesSent() {
    return transcript.bytesSent();
  }

  /** Every byte received so far (the first {@link #RECORD_LIMIT} of them). */
  public byte[] receivedBytes() {
    return record.bytes();
  }

  /**
   * The reads (raw framing) or frames received so far, in order: the first {@link #MESSAGE_LIMIT}
   * of them, as long as they add up to at most {@link #RECORD_LIMIT} bytes.
   */
  public List<byte[]> messages() {
    return record.messages();
  }

  /** How many reads from the socket the bytes took, whatever the framing. */
  public int readCount() {
    return record.readCount();
  }

  /** The size of each read, in order (the first 100,000). */
  public List<Integer> readSizes() {
    return record.readSizes();
  }

  public int messageCount() {
    return record.messageCount();
  }

  /** Everything received so far, checked as a whole (nothing consumed); {@link #inbound()} is the consuming side. */
  public Received received() {
    return new Received(this);
  }

  /**
   * What the client sent that no {@code receive…}/{@code expect…} call has consumed yet: the same
   * consuming view a {@link io.netharness.client.TcpClient} has, over the raw bytes (before any
   * framing). Created on first use with every byte received so far, so it costs nothing until a
   * test asks; the {@code awaitReceived…} methods instead compare everything received so far.
   *
   * <pre>{@code
   * connection.inbound().expectLine("EHLO me", LineEnding.CRLF, US_ASCII, Duration.ofSeconds(2));
   * }</pre>
   */
  public io.netharness.Inbound inbound() {
    io.netharness.Inbound existing = inbound.existing();
    if (existing != null) {
      return existing;
    }
    onEventLoop(() -> inbound.start(record, transcript, end.peerClosed() ? "closed by the client (FIN)"
        : end.reason() == CloseReason.PEER_RESET ? "reset by the client (RST)"
        : end.reason() != CloseReason.OPEN ? "closed" : null,
        () -> "server connection #" + index + " from " + Connect.describe(remote)));
    return java.util.Objects.requireNonNull(inbound.existing());
  }

  // ---- acting on the connection ------------------------------------------------------------

  /**
   * Sends bytes to the client. Fails with a {@link HarnessException} that names the connection
   * and its state when it can no longer send: the client reset it, the server closed it or shut
   * down its output, or it failed. A client's FIN alone does not stop sending (it may still read),
   * unless the server closed its side in answer (the default; see {@link #closesOnPeerClose()}).
   */
  public void send(byte[] bytes) {
    if (!canSend()) {
      throw new HarnessException("server connection #" + index + " from " + Connect.describe(remote) + " cannot send "
          + bytes.length + " byte" + (bytes.length == 1 ? "" : "s") + ": " + state());
    }
    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
  }

  public void send(Payload payload) {
    send(payload.bytes());
  }

  /**
   * Sends if the connection can still send, else does nothing and returns false: for broadcasts,
   * where another client may be leaving at that moment.
   */
  public boolean trySend(byte[] bytes) {
    if (!canSend()) {
      return false;
    }
    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    return true;
  }

  /** Why the connection can or cannot send, in words: "open", "the client reset the connection (RST)", ... */
  public String state() {
    return end.describe(channel.isActive(), closesOnPeerClose());
  }

  /** Streams a file with zero-copy where the transport allows; optionally closes when done. */
  public void sendFile(Path file, boolean closeWhenDone) {
    var write = channel.writeAndFlush(io.netharness.internal.FileSources.region(file)); // the region closes the file
    if (closeWhenDone) {
      end.closedByServer(false);
      write.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Stops reading from the socket: bytes pile up in the kernel's buffers (and, once they are
   * full, TCP flow control stalls the sender) until {@link #resumeReading()}.
   */
  public void pauseReading() {
    onEventLoop(() -> {
      pausedByUser = true;
      updateReading();
    });
  }

  /** Reads again; what piled up arrives in as few reads as the read buffer allows. */
  public void resumeReading() {
    onEventLoop(() -> {
      pausedByUser = false;
      updateReading();
    });
  }

  /** Reads while the user has not paused reading and our replies can still be written. */
  void updateReading() {
    channel.config().setAutoRead(!pausedByUser && channel.isWritable());
  }

  /** Runs on the connection's event loop and waits, so the change is in force when this returns. */
  private void onEventLoop(Runnable action) {
    if (channel.eventLoop().inEventLoop()) {
      action.run();
    } else {
      channel.eventLoop().submit(action).syncUninterruptibly();
    }
  }

  /** Sends FIN after pending writes and closes. */
  public void close() {
    end.closedByServer(false);
    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * Half-close: FIN to the client after what was already sent (Netty's own shutdown would drop queued writes), keep
   * reading.
   */
  public void shutdownOutput() {
    if (channel instanceof SocketChannel socket) {
      end.outputShutDownByServer();
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> socket.shutdownOutput());
      transcript.record(TranscriptEvent.Kind.OUTPUT_SHUTDOWN, "FIN sent");
    }
  }

  /** Closes with RST (SO_LINGER 0): the client sees "connection reset by peer". */
  public void abort() {
    end.closedByServer(true);
    Resets.reset(channel, transcript).syncUninterruptibly();
  }

  // ---- expectations ----------------------------------------------------------------------------

  /** Waits until the connection has received exactly {@code expected} (so far, in total). */
  public void awaitReceived(byte[] expected, Charset charset, Duration timeout) {
    // stop waiting as soon as what arrived can no longer become the expected bytes
    Await.until(timeout, () -> bytesReceived() >= expected.length || !isOpen() || end.peerClosed()
            || !isPrefixOf(receivedBytes(), expected),
        () -> failure("expected to receive " + quote(expected, charset) + " within " + Await.human(timeout), charset));
    byte[] got = receivedBytes();
    if (!Arrays.equals(got, expected)) {
      throw new ExpectationFailedException(failure("expected to receive exactly " + quote(expected, charset)
          + ", but " + (!isPrefixOf(got, expected) && !isPrefixOf(expected, got) ? "different"
              : got.length < expected.length ? "fewer" : "more")
          + " bytes arrived", charset));
    }
  }

  public void awaitReceivedText(String text, Charset charset, Duration timeout) {
    awaitReceived(Payload.text(text, charset).bytes(), charset, timeout);
  }

  /** Waits until at least {@code n} bytes arrived. */
  public void awaitBytesReceived(long n, Duration timeout) {
    Await.until(timeout, () -> bytesReceived() >= n,
        () -> failure("expected at least " + n + " bytes within " + Await.human(timeout), UTF_8));
  }

  /** Waits until at least {@code count} messages (reads, or frames with a framing) arrived. */
  public void awaitMessages(int count, Duration timeout) {
    Await.until(timeout, () -> messageCount() >= count,
        () -> failure("expected " + count + " messages within " + Await.human(timeout) + ", but " + messageCount()
            + " arrived", UTF_8));
  }

  /**
   * Waits until {@code n} bytes arrived or the connection ended (FIN, RST, close); returns whether
   * the bytes arrived. Never throws on timeout: for checks that follow with their own message.
   */
  public boolean awaitBytesOrEnd(long n, Duration timeout) {
    Await.holdsWithin(timeout, () -> bytesReceived() >= n || !isOpen() || end.peerClosed());
    return bytesReceived() >= n;
  }

  /** Waits for the client's FIN: it closed (or half-closed) its side. */
  public void awaitPeerClosed(Duration timeout) {
    Await.until(timeout, () -> end.peerClosed() || end.reason() == CloseReason.PEER_RESET,
        () -> failure("expected the client to close (FIN) within " + Await.human(timeout), UTF_8));
    if (!end.peerClosed()) {
      throw new ExpectationFailedException(
          failure("expected the client to close cleanly (FIN), but it reset the connection (RST)", UTF_8));
    }
  }

  /** Waits for the client's RST. */
  public void awaitPeerReset(Duration timeout) {
    // The wire recorder notes the RST a moment before the pipeline's end marks the close reason:
    // wait for both, so a caller reading closeReason() next sees PEER_RESET (or what ended it first).
    Await.until(timeout, () -> end.reason() == CloseReason.PEER_RESET
            || (transcript.has(TranscriptEvent.Kind.PEER_RESET)
                && end.reason() != CloseReason.OPEN && end.reason() != CloseReason.PEER_CLOSED),
        () -> failure("expected the client to reset the connection (RST) within " + Await.human(timeout), UTF_8));
  }

  /** Waits until the socket is closed, whoever closed it. */
  public void awaitClosed(Duration timeout) {
    Await.until(timeout, () -> !channel.isOpen(),
        () -> failure("expected the connection to be closed within " + Await.human(timeout), UTF_8));
  }

  /** A summary and the received bytes as a hexdump, for failure messages. */
  public String describe(Charset charset) {
    byte[] got = receivedBytes();
    return "connection #" + index + " from " + Connect.describe(remoteAddress()) + " (" + end.reason() + ", "
        + bytesReceived() + " bytes received, " + bytesSent() + " sent):\n"
        + HexDump.of(got.length > DUMP_LIMIT ? Arrays.copyOf(got, DUMP_LIMIT) : got, charset);
  }

  private String failure(String expectation, Charset charset) {
    return "server connection #" + index + ": " + expectation + ".\nWhat arrived: " + describe(charset);
  }

  static boolean isPrefixOf(byte[] head, byte[] whole) {
    return head.length <= whole.length && Arrays.equals(head, 0, head.length, whole, 0, head.length);
  }

  private static String quote(byte[] bytes, Charset charset) {
    return HexDump.quote(new String(bytes, charset)) + " (" + bytes.length + " bytes as " + charset.name() + ")";
  }

  // ---- called by the pipeline ----------------------------------------------------------------

  /** Counts a raw read and copies it only while the record has room. */
  void recordRead(ByteBuf buf) {
    record.recordRead(buf);
    inbound.append(buf);
  }

  /** Messages are kept up to a count and a byte budget, so a long transfer cannot fill the heap. */
  ReceivedRecord record() {
    return record;
  }

  void markPeerClosed() {
    inbound.end("closed by the client (FIN)");
    end.peerClosedItsSide();
  }

  void markEnded(CloseReason reason) {
    inbound.end(reason == CloseReason.PEER_RESET ? "reset by the client (RST)" : "closed");
    end.ended(reason);
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String toString() {
    return "ServerConnection#" + index + "[" + Connect.describe(remoteAddress()) + ", " + end.reason() + "]";
  }
}
