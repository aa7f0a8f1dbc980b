package io.netharness.server;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What one connection received, kept within bounds: the raw bytes (the first
 * {@link ServerConnection#RECORD_LIMIT}), the size of each read, and the messages (reads, or
 * frames with a framing) as a gap-free prefix; the counters stay exact beyond what is kept.
 */
final class ReceivedRecord {
  private static final int READ_SIZES_KEPT = 100_000;

  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final List<byte[]> messages = new ArrayList<>();
  private final List<Integer> readSizes = new ArrayList<>();
  private long bytesReceived;
  private int reads;
  private int messagesReceived;
  private long messageBytesKept;
  private boolean messagesFull;

  synchronized void recordRead(ByteBuf buf) {
    int length = buf.readableBytes();
    bytesReceived += length;
    if (readSizes.size() < READ_SIZES_KEPT) {
      readSizes.add(length);
    }
    reads++;
    int keep = Math.min(ServerConnection.RECORD_LIMIT - received.size(), length);
    if (keep > 0) {
      byte[] bytes = new byte[keep];
      buf.getBytes(buf.readerIndex(), bytes);
      received.write(bytes, 0, keep);
    }
  }

  synchronized void recordMessage(byte[] message) {
    messagesReceived++;
    if (!messagesFull && messages.size() < ServerConnection.MESSAGE_LIMIT
        && messageBytesKept + message.length <= ServerConnection.RECORD_LIMIT) {
      messages.add(message);
      messageBytesKept += message.length;
    } else {
      messagesFull = true; // keep a gap-free prefix: once one is dropped, drop all later ones
    }
  }

  /** Counts a message nobody needs to read, once the record of messages is full (no copy). */
  synchronized void countMessage() {
    messagesReceived++;
  }

  synchronized boolean messagesFull() {
    return messagesFull;
  }

  synchronized long bytesReceived() {
    return bytesReceived;
  }

  /** Whether every byte received is also kept. */
  synchronized boolean keptAll() {
    return bytesReceived == received.size();
  }

  synchronized byte[] bytes() {
    return received.toByteArray();
  }

  synchronized List<byte[]> messages() {
    return messages.stream().map(byte[]::clone).toList();
  }

  synchronized int readCount() {
    return reads;
  }

  synchronized List<Integer> readSizes() {
    return List.copyOf(readSizes);
  }

  synchronized int messageCount() {
    return messagesReceived;
  }
}
