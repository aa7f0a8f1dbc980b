package io.netharness;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.FixedLengthFrameDecoder;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a byte stream is cut into messages. TCP delivers bytes, not messages: two sends may arrive
 * as one read and one send as several. A framing recovers the messages, using Netty's frame
 * decoders.
 *
 * <pre>{@code
 * Framing lines = Framing.lines();
 * byte[] wire = concat(lines.encode("a".getBytes()), lines.encode("b".getBytes()));  // "a\nb\n"
 * List<byte[]> messages = lines.split(wire);                                          // ["a", "b"]
 * }</pre>
 */
public sealed interface Framing {
  /** Frames longer than this are refused so a missing delimiter cannot eat the heap. */
  int MAX_FRAME_BYTES = 16 << 20;

  /** No framing: every read is delivered as it came off the socket. */
  static Framing raw() {
    return new Raw();
  }

  /** Lines ending in {@code \n} or {@code \r\n}; the terminator is stripped. */
  static Framing lines() {
    return new Lines();
  }

  static Framing delimiter(byte[] delimiter) {
    if (delimiter.length == 0) {
      throw new HarnessException("a delimiter framing needs at least one delimiter byte");
    }
    return new Delimiter(delimiter.clone());
  }

  /** A big-endian length field of 1, 2, 4 or 8 bytes, then that many bytes of message. */
  static Framing lengthPrefixed(int fieldBytes) {
    if (fieldBytes != 1 && fieldBytes != 2 && fieldBytes != 4 && fieldBytes != 8) {
      throw new HarnessException(
          "a length prefix is 1, 2, 4 or 8 bytes long, not " + fieldBytes + ": write e.g. \"length-prefixed (2 bytes)\"");
    }
    return new LengthPrefixed(fieldBytes);
  }

  static Framing fixedSize(int frameBytes) {
    if (frameBytes <= 0) {
      throw new HarnessException("a fixed-size frame must be at least 1 byte, not " + frameBytes);
    }
    return new FixedSize(frameBytes);
  }

  /** The Netty decoder for this framing, or null for {@link #raw()}. A new instance each call. */
  @Nullable ChannelHandler newDecoder();

  /** The message as it goes on the wire with this framing (delimiter appended, length prepended). */
  byte[] encode(byte[] message);

  /** A short name for messages and reports, e.g. {@code "length-prefixed (2 bytes)"}. */
  String describe();

  /**
   * Cuts a recorded stream into messages with the same decoder a live pipeline uses. Trailing
   * bytes that do not form a whole frame are dropped; see {@link #remainder(byte[])}.
   */
  default List<byte[]> split(byte[] stream) {
    ChannelHandler decoder = newDecoder();
    if (decoder == null) {
      return List.of(stream.clone());
    }
    EmbeddedChannel channel = new EmbeddedChannel(decoder);
    try {
      channel.writeInbound(Unpooled.wrappedBuffer(stream));
      List<byte[]> frames = new ArrayList<>();
      for (ByteBuf frame; (frame = channel.readInbound()) != null; ) {
        frames.add(ByteBufUtil.getBytes(frame));
        frame.release();
      }
      return frames;
    } catch (DecoderException e) {
      throw new HarnessException("cannot split the stream as " + describe() + ": " + e.getMessage(), e);
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  /** The bytes at the end of {@code stream} that do not make a whole frame yet. */
  default int remainder(byte[] stream) {
    int used = 0;
    for (byte[] frame : split(stream)) {
      used += encode(frame).length;
    }
    return stream.length - used;
  }

  /** See {@link #raw()}. */
  record Raw() implements Framing {
    @Override
    public @Nullable ChannelHandler newDecoder() {
      return null;
    }

    @Override
    public byte[] encode(byte[] message) {
      return message.clone();
    }

    @Override
    public String describe() {
      return "raw";
    }
  }

  /** See {@link #lines()}. */
  record Lines() implements Framing {
    @Override
    public ChannelHandler newDecoder() {
      return new LineBasedFrameDecoder(MAX_FRAME_BYTES, true, false);
    }

    @Override
    public byte[] encode(byte[] message) {
      return concat(message, new byte[] {'\n'});
    }

    @Override
    public String describe() {
      return "lines";
    }

    @Override
    public int remainder(byte[] stream) {
      int lastNewline = -1;
      for (int i = 0; i < stream.length; i++) {
        if (stream[i] == '\n') {
          lastNewline = i;
        }
      }
      return stream.length - lastNewline - 1;
    }
  }

  /** See {@link #delimiter(byte[])}. */
  record Delimiter(byte[] delimiter) implements Framing {
    @Override
    public ChannelHandler newDecoder() {
      return new DelimiterBasedFrameDecoder(MAX_FRAME_BYTES, true, false, Unpooled.wrappedBuffer(delimiter));
    }

    @Override
    public byte[] encode(byte[] message) {
      return concat(message, delimiter);
    }

    @Override
    public String describe() {
      return "delimiter " + io.netharness.payload.Hex.formatSpaced(delimiter);
    }
  }

  /** See {@link #lengthPrefixed(int)}. */
  record LengthPrefixed(int fieldBytes) implements Framing {
    @Override
    public ChannelHandler newDecoder() {
      return new LengthFieldBasedFrameDecoder(MAX_FRAME_BYTES, 0, fieldBytes, 0, fieldBytes);
    }

    @Override
    public byte[] encode(byte[] message) {
      long max = fieldBytes == 8 ? Long.MAX_VALUE : (1L << (8 * fieldBytes)) - 1;
      if (message.length > max) {
        throw new HarnessException("a " + message.length + "-byte message does not fit a "
            + fieldBytes + "-byte length prefix (at most " + max + ")");
      }
      byte[] out = new byte[fieldBytes + message.length];
      long length = message.length;
      for (int i = fieldBytes - 1; i >= 0; i--) {
        out[i] = (byte) length;
        length >>>= 8;
      }
      System.arraycopy(message, 0, out, fieldBytes, message.length);
      return out;
    }

    @Override
    public String describe() {
      return "length-prefixed (" + fieldBytes + (fieldBytes == 1 ? " byte)" : " bytes)");
    }
  }

  /** See {@link #fixedSize(int)}. */
  record FixedSize(int frameBytes) implements Framing {
    @Override
    public ChannelHandler newDecoder() {
      return new FixedLengthFrameDecoder(frameBytes);
    }

    @Override
    public byte[] encode(byte[] message) {
      if (message.length != frameBytes) {
        throw new HarnessException("fixed-size framing needs messages of exactly " + frameBytes
            + " bytes, got " + message.length);
      }
      return message.clone();
    }

    @Override
    public String describe() {
      return "fixed size (" + frameBytes + " bytes)";
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
