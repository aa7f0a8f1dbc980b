package io.netharness.impairment;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One direction of a relay: numbers the datagrams, runs the impairments on each in order and
 * sends, holds, schedules or drops it. Used only on the relay's event loop, so it needs no locks.
 */
final class Lane {
  private final UdpDirection direction;
  private final long seed;
  private final EventLoop loop;
  private final List<Consumer<DatagramFate>> stages = new ArrayList<>();
  private final DatagramFate fate;
  private final BitSet droppedIndices = new BitSet();
  private final List<Held> held = new ArrayList<>();
  /** Delayed datagrams by due time: one sent now never overtakes one whose time has come (a timer can fire late). */
  private final PriorityQueue<Delayed> delayedQueue =
      new PriorityQueue<>(Comparator.comparingLong((Delayed d) -> d.due).thenComparingLong(d -> d.order));
  private long delayedOrder;
  private final Set<ScheduledFuture<?>> delayTimers = new HashSet<>();
  private long received;
  private long forwarded;
  private long dropped;
  private long duplicated;
  private long reordered;
  private long corrupted;
  private long delayed;
  private long pending;
  private boolean closed;

  Lane(UdpDirection direction, long seed, EventLoop loop, List<Impairment> impairments) {
    this.direction = direction;
    this.seed = seed;
    this.loop = loop;
    this.fate = new DatagramFate(direction);
    for (Impairment impairment : impairments) {
      stages.add(stage(impairment));
    }
  }

  private static Consumer<DatagramFate> stage(Impairment impairment) {
    return impairment instanceof StatefulImpairment<?> stateful ? withState(stateful) : impairment::impair;
  }

  private static <S> Consumer<DatagramFate> withState(StatefulImpairment<S> impairment) {
    S state = impairment.newState();
    return fate -> impairment.impair(fate, state);
  }

  /** Takes ownership of {@code content}. */
  void onDatagram(ByteBuf content, Output out) {
    if (closed) {
      content.release();
      return;
    }
    long index = received++;
    fate.reset(seed, index, content.readableBytes(), stages.isEmpty() ? 0 : System.nanoTime());
    for (int i = 0; i < stages.size() && !fate.isDropped(); i++) {
      fate.enter(i);
      stages.get(i).accept(fate);
    }
    if (fate.isDropped()) {
      dropped++;
      if (index <= Integer.MAX_VALUE) {
        droppedIndices.set((int) index);
      }
      content.release();
      return;
    }
    if (fate.isCorrupted()) {
      corrupted++;
      for (int i = 0; i < fate.flipCount(); i++) {
        int bit = fate.flip(i);
        int at = content.readerIndex() + bit / 8;
        content.setByte(at, content.getByte(at) ^ (1 << (bit % 8)));
      }
    }
    int copies = fate.copies();
    duplicated += copies - 1;
    long delayNanos = fate.delayNanos();
    if (delayNanos > 0) {
      delayed++;
    }
    if (fate.isHeldBack()) {
      reordered++;
      pending++;
      Held h = new Held(compact(content), copies, delayNanos, out, fate.holdGap());
      h.timer = loop.schedule(() -> release(h, true), fate.holdNanos(), TimeUnit.NANOSECONDS);
      held.add(h);
      return;
    }
    emit(content, copies, delayNanos, fate.departureNanos(), out, false);
    overtake();
  }

  /** A datagram went through: every held one has one fewer to wait for. */
  private void overtake() {
    if (held.isEmpty()) {
      return;
    }
    List<Held> due = null;
    for (Held h : held) {
      if (--h.remaining == 0) {
        due = due == null ? new ArrayList<>() : due;
        due.add(h);
      }
    }
    if (due != null) {
      for (Held h : due) {
        release(h, false);
      }
    }
  }

  private void release(Held h, boolean flush) {
    if (h.released || closed) {
      return;
    }
    h.released = true;
    held.remove(h);
    ScheduledFuture<?> timer = h.timer;
    if (timer != null) {
      timer.cancel(false);
    }
    pending--;
    emit(h.content, h.copies, h.delayNanos, System.nanoTime() + h.delayNanos, h.out, flush);
  }

  /**
   * Sends now, or at {@code dueNanos} when delayed. The due time is on the clock the impairments
   * used (the datagram's arrival plus its delays), so a rate limit's spacing keeps its order even if
   * the event loop was held up between the two.
   */
  private void emit(ByteBuf content, int copies, long delayNanos, long dueNanos, Output out, boolean flush) {
    if (delayNanos <= 0) {
      sendOverdue(System.nanoTime());
      send(content, copies, out, flush);
      return;
    }
    pending++;
    Delayed d = new Delayed(compact(content), copies, out, dueNanos, delayedOrder++);
    delayedQueue.add(d);
    ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
    timer[0] = loop.schedule(() -> {
      delayTimers.remove(timer[0]);
      if (!closed) {
        sendOverdue(Math.max(System.nanoTime(), d.due));
      }
    }, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    delayTimers.add(timer[0]);
  }

  /** Sends every delayed datagram due by {@code now}, earliest first. */
  private void sendOverdue(long now) {
    for (Delayed d = delayedQueue.peek(); d != null && d.due - now <= 0; d = delayedQueue.peek()) {
      delayedQueue.poll();
      pending--;
      send(d.content, d.copies, d.out, true);
    }
  }

  private void send(ByteBuf content, int copies, Output out, boolean flush) {
    forwarded++;
    for (int i = 1; i < copies; i++) {
      out.send(content.retainedDuplicate(), false);
    }
    out.send(content, flush);
  }

  /** Datagrams arrive in 64 KiB receive buffers: keep only the bytes of those that wait. */
  private static ByteBuf compact(ByteBuf content) {
    if (content.capacity() <= 2 * content.readableBytes() + 64) {
      return content;
    }
    ByteBuf copy = content.alloc().directBuffer(content.readableBytes());
    copy.writeBytes(content, content.readerIndex(), content.readableBytes());
    content.release();
    return copy;
  }

  UdpRelayStats stats() {
    return new UdpRelayStats(direction, received, forwarded, dropped, duplicated, reordered, corrupted, delayed,
        pending);
  }

  List<Long> droppedIndices() {
    return droppedIndices.stream().mapToObj(i -> (long) i).toList();
  }

  /** Discards what is held or delayed. */
  void close() {
    closed = true;
    for (Held h : held) {
      ScheduledFuture<?> timer = h.timer;
      if (timer != null) {
        timer.cancel(false);
      }
      h.content.release();
    }
    held.clear();
    for (Delayed d; (d = delayedQueue.poll()) != null; ) {
      d.content.release();
    }
    delayTimers.forEach(t -> t.cancel(false));
    delayTimers.clear();
  }

  private record Delayed(ByteBuf content, int copies, Output out, long due, long order) {}

  private static final class Held {
    final ByteBuf content;
    final int copies;
    final long delayNanos;
    final Output out;
    int remaining;
    boolean released;
    @Nullable ScheduledFuture<?> timer;

    Held(ByteBuf content, int copies, long delayNanos, Output out, int gap) {
      this.content = content;
      this.copies = copies;
      this.delayNanos = delayNanos;
      this.out = out;
      this.remaining = gap;
    }
  }
}
