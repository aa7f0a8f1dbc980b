package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link ToxicContext} on a virtual clock, for unit tests of one toxic without sockets or
 * wall-clock time: time moves only when a test calls {@link #advance}, and scheduled tasks run in
 * deadline order (then in the order they were scheduled), as on an event loop.
 *
 * <pre>{@code
 * VirtualToxicContext ctx = new VirtualToxicContext(Toxics.latency(Duration.ofMillis(100)));
 * ctx.send("abc");
 * ctx.advance(Duration.ofMillis(99));  // nothing yet
 * ctx.advance(Duration.ofMillis(1));   // "abc" emitted at 100 ms
 * }</pre>
 */
final class VirtualToxicContext implements ToxicContext {
  /** What left the stage, and when (virtual nanoseconds since the start). */
  record Emitted(String text, long atNanos) {}

  private record Task(long due, long order, Runnable run) {}

  private final ToxicStage stage;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>(
      (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private final List<Emitted> emitted = new ArrayList<>();
  private final RandomGenerator random;
  private long now;
  private long order;
  private long dropped;
  private long touched;
  private int ends;
  private String ending = "open";

  VirtualToxicContext(io.netharness.proxy.Toxic toxic) {
    this(toxic, 42);
  }

  VirtualToxicContext(io.netharness.proxy.Toxic toxic, long seed) {
    this.random = new SplittableRandom(seed);
    this.stage = toxic.newStage();
    stage.onAttach(this);
    runReady();
  }

  /** A chunk arrives now. */
  void send(String text) {
    stage.onChunk(this, new Chunk(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1), now));
    runReady();
  }

  /** A chunk of {@code bytes} zero bytes arrives now. */
  void sendBytes(int bytes) {
    stage.onChunk(this, new Chunk(Unpooled.wrappedBuffer(new byte[bytes]), now));
    runReady();
  }

  void finishInput() {
    stage.onInputEnd(this);
    runReady();
  }

  void remove() {
    stage.onRemove(this);
    runReady();
  }

  boolean update(io.netharness.proxy.Toxic updated) {
    boolean kept = stage.update(this, updated);
    runReady();
    return kept;
  }

  /** Moves the clock, running every task that falls due on the way. */
  void advance(Duration by) {
    long until = now + by.toNanos();
    while (!tasks.isEmpty() && tasks.peek().due <= until) {
      Task task = tasks.poll();
      now = Math.max(now, task.due);
      task.run.run();
      runReady();
    }
    now = until;
  }

  List<Emitted> emitted() {
    return List.copyOf(emitted);
  }

  String emittedText() {
    StringBuilder all = new StringBuilder();
    emitted.forEach(e -> all.append(e.text()));
    return all.toString();
  }

  long droppedBytes() {
    return dropped;
  }

  long touchedBytes() {
    return touched;
  }

  int endsPassedOn() {
    return ends;
  }

  /** "open", "closed", "closed after output" or "reset". */
  String ending() {
    return ending;
  }

  private void runReady() {
    while (!ready.isEmpty()) {
      ready.poll().run();
    }
  }

  @Override
  public void emit(Chunk chunk) {
    ByteBuf data = chunk.data();
    emitted.add(new Emitted(data.toString(StandardCharsets.ISO_8859_1), now));
    data.release();
  }

  @Override
  public void drop(Chunk chunk) {
    dropped += chunk.length();
    chunk.data().release();
  }

  @Override
  public void endOutput() {
    ends++;
  }

  @Override
  public void closeConnection() {
    ending = "closed";
  }

  @Override
  public void closeConnectionAfterOutput() {
    ending = "closed after output";
  }

  @Override
  public void resetConnection() {
    ending = "reset";
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    scheduleAt(now + delay.toNanos(), task);
  }

  @Override
  public void scheduleAt(long deadlineNanos, Runnable task) {
    tasks.add(new Task(Math.max(now, deadlineNanos), order++, task));
  }

  @Override
  public void whenReady(Runnable task) {
    ready.add(task); // the destination always has room here
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void touched(long bytes) {
    touched += bytes;
  }
}
