package io.netharness.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One direction of one proxied connection: source socket → toxic stages → destination socket.
 * Everything runs on the connection's event loop. The stages form a linked list after a hidden
 * head (like Toxiproxy's noop); new toxics go at the end. A removed stage keeps its link to the
 * next one, so anything it still emits flows on instead of being lost.
 *
 * <p>Back-pressure: the source is read only while fewer than {@link #MAX_IN_FLIGHT} bytes are
 * between the two sockets and the destination is writable, so a toxic that holds data slows the
 * sender through TCP rather than filling the heap.
 */
final class Link {
  static final int MAX_IN_FLIGHT = 1 << 20;
  /** Writes queued on the destination beyond which a toxic asking {@link ToxicContext#whenReady} waits. */
  static final int MAX_QUEUED_WRITES = 4096;
  /** Waiting toxics run per event loop task before the rest of the loop's work gets a turn. */
  private static final int WAKE_BUDGET = 4;
  /** How early a precise timer wakes the loop; what it may then wait out on the loop's thread. */
  private static final long PRECISE_EARLY_NANOS = 500_000;

  final Direction direction;
  private final ProxyConnection connection;
  private final Channel source;
  private final Channel destination;
  private final Slot head;
  private final Slot sink;
  private final LinkTimers timers;
  private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
  private boolean wakeScheduled;
  private boolean closed;
  private int queuedWrites;
  private long peakPieces;
  private long inFlight;
  private boolean inputEnded;
  private boolean outputEnded;
  private boolean closeWhenOutputEnds;
  private boolean inReadBurst;
  private boolean flushPending;

  Link(Direction direction, ProxyConnection connection, Channel source, Channel destination) {
    this.direction = direction;
    this.connection = connection;
    this.source = source;
    this.destination = destination;
    this.timers = new LinkTimers(source.eventLoop());
    this.sink = new Slot(null, new SinkStage(), new SplittableRandom(0));
    this.head = new Slot(null, (ctx, chunk) -> ctx.emit(chunk), new SplittableRandom(0));
    head.next = sink;
  }

  // ---- data path --------------------------------------------------------------------------

  /** The source's read burst is over: flush what it wrote through. */
  void onReadComplete() {
    inReadBurst = false;
    if (flushPending) {
      flushPending = false;
      destination.flush();
    }
  }

  void onRead(ByteBuf data) {
    inReadBurst = true;
    int length = data.readableBytes();
    if (length == 0) {
      data.release();
      return;
    }
    inFlight += length;
    connection.counters().countReceived(direction, length);
    head.stage.onChunk(head, new Chunk(data, System.nanoTime()));
    maybeRead();
  }

  void onInputEnd() {
    if (!inputEnded) {
      inputEnded = true;
      head.stage.onInputEnd(head);
    }
  }

  /**
   * Reads while there is room: autoRead on (Netty then reads several buffers per wake-up, which
   * is what keeps a busy proxy fast) below the in-flight limit, off above it.
   */
  void maybeRead() {
    if (connection.splicing()) {
      return; // the relay reads the sockets; the links take over again when it ends
    }
    // never touch read interest once the socket's input is shut down: epoll has dropped the fd's
    // read events by then, and changing them fails (ENOENT) — which used to close the connection
    boolean inputOpen = sourceInputOpen();
    boolean want = !inputEnded && inputOpen && source.isActive() && inFlight < MAX_IN_FLIGHT && destination.isWritable();
    wakeWaiting();
    if (!inputOpen) {
      return;
    }
    if (source.config().isAutoRead() != want) {
      source.config().setAutoRead(want);
    }
  }

  /** Tracks the most pieces this link ever held at once (queued writes plus pieces in stages), for tests. */
  private void notePeak() {
    long pieces = queuedWrites + heldPieces();
    if (pieces > peakPieces) {
      peakPieces = pieces;
      connection.counters().notePeakPieces(pieces);
    }
  }

  private boolean readyForOutput() {
    return destination.isWritable() && queuedWrites < MAX_QUEUED_WRITES && heldPieces() < MAX_QUEUED_WRITES;
  }

  /** Pieces held by stages that pass chunks on one for one (latency after a slicer): received and not yet passed on. */
  private long heldPieces() {
    long held = 0;
    for (Slot slot = head.next; slot != null && slot != sink; slot = slot.next) {
      held += Math.max(0, slot.in - slot.out);
    }
    return held;
  }

  /** Runs the toxics waiting for room, in a task of their own (never inside a write or an emit). */
  private void wakeWaiting() {
    if (waiting.isEmpty() || wakeScheduled || closed || !readyForOutput()) {
      return;
    }
    wakeScheduled = true;
    source.eventLoop().execute(() -> {
      wakeScheduled = false;
      // a few batches per task, then to the back of the queue: other connections and toxic changes get their turn
      for (int budget = WAKE_BUDGET; budget > 0 && !closed && !waiting.isEmpty() && readyForOutput(); budget--) {
        waiting.pollFirst().run();
      }
      if (flushPending && !inReadBurst) {
        flushPending = false;
        destination.flush();
      }
      wakeWaiting();
    });
  }

  private void write(Chunk chunk) {
    int length = chunk.length();
    if (outputEnded || !destination.isActive()) {
      release(chunk);
      return;
    }
    // inside a read burst, writes are flushed once at its end (channelReadComplete): one syscall, not one per read
    var write = inReadBurst ? destination.write(chunk.data()) : destination.writeAndFlush(chunk.data());
    flushPending |= inReadBurst;
    queuedWrites++;
    notePeak();
    write.addListener(f -> {
      queuedWrites--;
      inFlight -= length;
      if (f.isSuccess()) {
        connection.counters().countSent(direction, length);
      }
      maybeRead();
      if (f.isSuccess()) {
        connection.written(length);
      }
    });
  }

  private void release(Chunk chunk) {
    inFlight -= chunk.length();
    chunk.data().release();
    maybeRead();
  }

  private void endDestination() {
    if (outputEnded) {
      return;
    }
    outputEnded = true;
    if (destination instanceof DuplexChannel duplex && destination.isActive()) {
      // FIN after everything written so far: half-close, unlike Toxiproxy's full close
      destination.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> {
        if (duplex.isActive()) {
          duplex.shutdownOutput().addListener(done -> connection.onOutputEnded());
        }
      });
    } else {
      connection.onOutputEnded();
    }
  }

  boolean outputEnded() {
    return outputEnded;
  }

  /** Nothing held, queued or ended, no toxic: the sockets of this direction could be spliced. */
  boolean idle() {
    if (head.next != sink || inFlight != 0 || queuedWrites != 0 || !waiting.isEmpty() || closed || inputEnded
        || outputEnded || closeWhenOutputEnds || !sourceInputOpen()) {
      return false; // asked after every write once 1 MiB has flowed: the cheap answers first
    }
    var pending = destination.unsafe().outboundBuffer();
    return pending != null && pending.isEmpty();
  }

  private boolean sourceInputOpen() {
    return !(source instanceof DuplexChannel duplex) || !duplex.isInputShutdown();
  }

  // ---- toxics on a live link ----------------------------------------------------------------

  /** Appends the toxic's stage; a toxic already on this link (same serial) is not added twice. */
  void add(ToxicAttachment attachment, RandomGenerator random, boolean applies) {
    connection.stopSplicing();
    Slot last = head;
    while (last.next != sink) {
      last = last.next;
      if (last.attachment != null && last.attachment.serial() == attachment.serial()) {
        return; // attached already: by the new connection's own pass, or by the control path
      }
    }
    Slot slot = new Slot(attachment, newStage(attachment, applies), random);
    slot.applies = applies;
    last.next = slot;
    slot.next = sink;
    slot.stage.onAttach(slot);
  }

  /** Removes every stage of the toxic; what they held is delivered. */
  void remove(String name) {
    Slot previous = head;
    for (Slot slot = head.next; slot != sink; slot = slot.next) {
      if (slot.attachment != null && slot.attachment.name().equals(name)) {
        previous.next = slot.next;
        slot.removed = true;
        slot.stage.onRemove(slot);
      } else {
        previous = slot;
      }
    }
  }

  /**
   * Applies new settings (and a new toxicity roll) in place: the stage keeps its position and,
   * where it can, its state and held data.
   */
  void update(ToxicAttachment attachment, boolean applies) {
    for (Slot slot = head.next; slot != sink; slot = slot.next) {
      if (slot.attachment == null || slot.attachment.serial() != attachment.serial()) {
        continue;
      }
      slot.attachment = attachment;
      if (slot.applies && applies && slot.stage.update(slot, attachment.toxic())) {
        continue;
      }
      ToxicStage old = slot.stage;
      // the old stage hands on what it held to the next stage, then the new one takes over here
      old.onRemove(slot);
      slot.stage = newStage(attachment, applies);
      slot.applies = applies;
      slot.stage.onAttach(slot);
    }
  }

  private static ToxicStage newStage(ToxicAttachment attachment, boolean applies) {
    return applies ? attachment.toxic().newStage() : (ctx, chunk) -> ctx.emit(chunk);
  }

  /** The connection is going away: every stage releases what it holds (nothing can be delivered). */
  void discardHeld() {
    for (Slot slot = head.next; slot != null && slot != sink; slot = slot.next) {
      slot.stage.onClose(slot);
    }
  }

  void cancelTimers() {
    closed = true;
    waiting.clear();
    timers.cancelAll();
  }

  private final class SinkStage implements ToxicStage {
    @Override
    public void onChunk(ToxicContext ctx, Chunk chunk) {
      write(chunk);
    }

    @Override
    public void onInputEnd(ToxicContext ctx) {
      if (closeWhenOutputEnds) {
        connection.close(); // in band: every byte ahead of this end is already queued for writing
      } else {
        endDestination();
      }
    }
  }

  /** A stage in the chain and its context. */
  private final class Slot implements ToxicContext {
    @Nullable ToxicAttachment attachment;
    ToxicStage stage;
    boolean applies = true;
    final RandomGenerator random;
    @Nullable Slot next;
    boolean removed;
    long in;
    long out;

    Slot(@Nullable ToxicAttachment attachment, ToxicStage stage, RandomGenerator random) {
      this.attachment = attachment;
      this.stage = stage;
      this.random = random;
    }

    private Slot following() {
      Slot n = next;
      while (n != null && n.removed && n.next != null) {
        n = n.next;
      }
      return n == null ? sink : n;
    }

    @Override
    public void emit(Chunk chunk) {
      out++;
      if (chunk.length() == 0) {
        chunk.data().release();
        return;
      }
      Slot n = following();
      n.in++;
      n.stage.onChunk(n, chunk);
      notePeak();
      if (!waiting.isEmpty()) {
        wakeWaiting();
      }
    }

    @Override
    public void drop(Chunk chunk) {
      out++;
      release(chunk);
    }

    @Override
    public void endOutput() {
      Slot n = following();
      n.stage.onInputEnd(n);
    }

    @Override
    public void closeConnection() {
      connection.close();
    }

    @Override
    public void closeConnectionAfterOutput() {
      closeWhenOutputEnds = true;
      endOutput();
    }

    @Override
    public void resetConnection() {
      connection.reset();
    }

    @Override
    public boolean addedToOpenConnection() {
      return attachment != null && connection.startedBefore(attachment.serial());
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
      scheduleAt(System.nanoTime() + delay.toNanos(), task);
    }

    @Override
    public void scheduleAt(long deadlineNanos, Runnable task) {
      long wait = deadlineNanos - System.nanoTime();
      if (wait <= 0) {
        task.run();
        return;
      }
      timers.schedule(wait, task);
    }

    @Override
    public void scheduleAtPrecisely(long deadlineNanos, Runnable task) {
      scheduleAt(deadlineNanos - PRECISE_EARLY_NANOS, () -> {
        long wait = deadlineNanos - System.nanoTime();
        if (wait > 0 && !SpinBudget.current().take(wait)) {
          scheduleAt(deadlineNanos, task); // this loop has waited out enough deadlines lately: an ordinary timer
          return;
        }
        while (System.nanoTime() < deadlineNanos) {
          Thread.onSpinWait(); // at most PRECISE_EARLY_NANOS: the wake-up came early, as asked
        }
        task.run();
      });
    }

    @Override
    public void whenReady(Runnable task) {
      if (!closed) {
        waiting.addLast(task);
        wakeWaiting();
      }
    }

    @Override
    public RandomGenerator random() {
      return random;
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void touched(long bytes) {
      if (attachment != null) {
        attachment.touched(bytes);
      }
    }
  }
}
