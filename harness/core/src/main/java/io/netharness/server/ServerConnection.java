package io.netharness.server;

import io.netharness.ExpectationFailedException;
import io.netharness.HarnessException;
import io.netharness.Transcript;
import io.netharness.TranscriptEvent;
import io.netharness.internal.Await;
import io.netharness.internal.Connect;
import io.netharness.payload.HexDump;
import io.netharness.payload.Payload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
  private volatile CloseReason closeReason = CloseReason.OPEN;
  private volatile boolean peerClosed;
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
    return closeReason;
  }

  /** True once the client sent FIN (it may still read). */
  public boolean peerClosed() {
    return peerClosed;
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
    return channel.isActive() && closedByUs == ClosedBy.NOBODY && closeReason != CloseReason.PEER_RESET
        && closeReason != CloseReason.FAILED;
  }

  public long bytesReceived() {
    return record.bytesReceived();
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
    onEventLoop(() -> inbound.start(record, transcript, peerClosed ? "closed by the client (FIN)"
        : closeReason == CloseReason.PEER_RESET ? "reset by the client (RST)"
        : closeReason != CloseReason.OPEN ? "closed" : null,
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
    if (closeReason == CloseReason.PEER_RESET) {
      return "the client reset the connection (RST)";
    }
    if (closeReason == CloseReason.ABORTED_BY_SERVER) {
      return "the server reset the connection (RST)";
    }
    if (closeReason == CloseReason.FAILED) {
      return "the connection failed (see its transcript)";
    }
    if (closedByUs != ClosedBy.NOBODY || !channel.isActive()) {
      if (peerClosed) {
        return closedByUs == ClosedBy.CLOSE
            ? closesOnPeerClose()
                ? "the client closed its side (FIN) and the server closed the connection in answer (servers close on a"
                    + " client's FIN unless told to keep the connection open)"
                : "the client closed its side (FIN) and the server then closed the connection"
            : closedByUs == ClosedBy.SHUTDOWN_OUTPUT ? "the client closed its side (FIN) and the server shut down its output"
            : "the client closed the connection (FIN)";
      }
      return closedByUs == ClosedBy.CLOSE ? "the server closed the connection"
          : closedByUs == ClosedBy.SHUTDOWN_OUTPUT ? "the server shut down its output (FIN sent)"
          : "the connection is closed";
    }
    return peerClosed ? "open; the client closed its side (FIN)" : "open";
  }

  private enum ClosedBy { NOBODY, CLOSE, SHUTDOWN_OUTPUT }

  private volatile ClosedBy closedByUs = ClosedBy.NOBODY;

  /** Streams a file with zero-copy where the transport allows; optionally closes when done. */
  public void sendFile(Path file, boolean closeWhenDone) {
    FileChannel source;
    long size;
    try {
      source = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new HarnessException("cannot send file " + file + ": " + e.getMessage(), e);
    }
    try {
      size = source.size();
    } catch (IOException e) {
      closeQuietly(source);
      throw new HarnessException("cannot send file " + file + ": " + e.getMessage(), e);
    }
    var write = channel.writeAndFlush(new DefaultFileRegion(source, 0, size)); // the region closes the file
    if (closeWhenDone) {
      endOutput(ClosedBy.CLOSE);
      write.addListener(ChannelFutureListener.CLOSE);
      markClosedByServer(CloseReason.CLOSED_BY_SERVER);
    }
  }

  private static void closeQuietly(FileChannel file) {
    try {
      file.close();
    } catch (IOException ignored) {
      // already failing; the first error is the one reported
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
    endOutput(ClosedBy.CLOSE);
    markClosedByServer(CloseReason.CLOSED_BY_SERVER);
    channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  /** Half-close: FIN to the client, keep reading. */
  public void shutdownOutput() {
    if (channel instanceof SocketChannel socket) {
      endOutput(ClosedBy.SHUTDOWN_OUTPUT);
      socket.shutdownOutput();
      transcript.record(TranscriptEvent.Kind.OUTPUT_SHUTDOWN, "FIN sent");
    }
  }

  /** Closes with RST (SO_LINGER 0): the client sees "connection reset by peer". */
  public void abort() {
    endOutput(ClosedBy.CLOSE);
    markClosedByServer(CloseReason.ABORTED_BY_SERVER);
    // on the event loop, so the channel cannot close between the check and SO_LINGER
    onEventLoop(() -> {
      if (channel.isOpen()) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        transcript.record(TranscriptEvent.Kind.ABORTED, "RST sent (SO_LINGER 0)");
        channel.close();
      }
    });
  }

  // ---- expectations ----------------------------------------------------------------------------

  /** Waits until the connection has received exactly {@code expected} (so far, in total). */
  public void awaitReceived(byte[] expected, Charset charset, Duration timeout) {
    // stop waiting as soon as what arrived can no longer become the expected bytes
    Await.until(timeout, () -> bytesReceived() >= expected.length || !isOpen() || peerClosed
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
        () -> failure("expected at least " + n + " bytes within " + Await.human(timeout), java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Waits until at least {@code count} messages (reads, or frames with a framing) arrived. */
  public void awaitMessages(int count, Duration timeout) {
    Await.until(timeout, () -> messageCount() >= count,
        () -> failure("expected " + count + " messages within " + Await.human(timeout) + ", but " + messageCount()
            + " arrived", java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Waits until {@code n} bytes arrived or the connection ended (FIN, RST, close); returns whether
   * the bytes arrived. Never throws on timeout: for checks that follow with their own message.
   */
  public boolean awaitBytesOrEnd(long n, Duration timeout) {
    Await.holdsWithin(timeout, () -> bytesReceived() >= n || !isOpen() || peerClosed);
    return bytesReceived() >= n;
  }

  /** Waits for the client's FIN: it closed (or half-closed) its side. */
  public void awaitPeerClosed(Duration timeout) {
    Await.until(timeout, () -> peerClosed || closeReason == CloseReason.PEER_RESET,
        () -> failure("expected the client to close (FIN) within " + Await.human(timeout),
            java.nio.charset.StandardCharsets.UTF_8));
    if (!peerClosed) {
      throw new ExpectationFailedException(failure("expected the client to close cleanly (FIN), but it reset the connection (RST)",
          java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Waits for the client's RST. */
  public void awaitPeerReset(Duration timeout) {
    // The wire recorder notes the RST a moment before the pipeline's end marks the close reason:
    // wait for both, so a caller reading closeReason() next sees PEER_RESET (or what ended it first).
    Await.until(timeout, () -> closeReason == CloseReason.PEER_RESET
            || (transcript.has(TranscriptEvent.Kind.PEER_RESET)
                && closeReason != CloseReason.OPEN && closeReason != CloseReason.PEER_CLOSED),
        () -> failure("expected the client to reset the connection (RST) within " + Await.human(timeout),
            java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Waits until the socket is closed, whoever closed it. */
  public void awaitClosed(Duration timeout) {
    Await.until(timeout, () -> !channel.isOpen(),
        () -> failure("expected the connection to be closed within " + Await.human(timeout),
            java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A summary and the received bytes as a hexdump, for failure messages. */
  public String describe(Charset charset) {
    byte[] got = receivedBytes();
    return "connection #" + index + " from " + Connect.describe(remoteAddress()) + " (" + closeReason + ", "
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

  /** Keeps messages up to a count and a byte budget, so a long transfer cannot fill the heap. */
  boolean messageRecordFull() {
    return record.messagesFull();
  }

  void countMessage() {
    record.countMessage();
  }

  void recordMessage(byte[] message) {
    record.recordMessage(message);
  }

  void markPeerClosed() {
    inbound.end("closed by the client (FIN)");
    peerClosed = true;
    if (closeReason == CloseReason.OPEN) {
      closeReason = CloseReason.PEER_CLOSED;
    }
  }

  void markEnded(CloseReason reason) {
    inbound.end(reason == CloseReason.PEER_RESET ? "reset by the client (RST)" : "closed");
    if (closeReason == CloseReason.OPEN || (reason == CloseReason.PEER_RESET && closeReason == CloseReason.PEER_CLOSED)) {
      closeReason = reason;
    }
  }

  private void endOutput(ClosedBy how) {
    if (closedByUs == ClosedBy.NOBODY || how == ClosedBy.CLOSE) {
      closedByUs = how;
    }
  }

  private void markClosedByServer(CloseReason reason) {
    if (closeReason == CloseReason.OPEN || closeReason == CloseReason.PEER_CLOSED) {
      closeReason = peerClosed && reason == CloseReason.CLOSED_BY_SERVER ? CloseReason.PEER_CLOSED : reason;
    }
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String toString() {
    return "ServerConnection#" + index + "[" + Connect.describe(remoteAddress()) + ", " + closeReason + "]";
  }
}
