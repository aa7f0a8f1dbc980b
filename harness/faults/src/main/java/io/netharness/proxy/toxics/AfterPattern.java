package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.payload.Hex;
import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A content trigger (beyond Toxiproxy): bytes pass untouched until {@code pattern} has gone by in
 * this direction — however the stream was split into chunks — and from the byte after it on,
 * the {@code inner} toxic acts. "Let the login through, then cut the connection."
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.after("LOGIN OK\n".getBytes(UTF_8), Toxics.resetPeer(Duration.ZERO)));
 * }</pre>
 *
 * @param pattern the bytes to wait for ({@code pattern} attribute, hex on the wire)
 * @param inner the toxic that acts once the pattern passed
 */
public record AfterPattern(byte[] pattern, Toxic inner) implements Toxic {

  public AfterPattern {
    if (pattern.length == 0) {
      throw new HarnessException("a content trigger needs a non-empty pattern");
    }
    pattern = pattern.clone();
  }

  @Override
  public byte[] pattern() {
    return pattern.clone();
  }

  /** The inner toxic's type: the trigger is how it is attached, not a kind of fault. */
  @Override
  public String type() {
    return inner.type();
  }

  @Override
  public Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>(inner.attributes());
    a.put("after_pattern", Hex.format(pattern));
    return a;
  }

  @Override
  public ToxicStage newStage() {
    return new ToxicStage() {
      private final ToxicStage delegate = inner.newStage();
      private boolean triggered;
      private byte[] window = new byte[0];

      @Override
      public void onChunk(ToxicContext ctx, Chunk chunk) {
        if (triggered) {
          delegate.onChunk(ctx, chunk);
          return;
        }
        int end = find(chunk);
        if (end < 0) {
          ctx.emit(chunk);
          return;
        }
        triggered = true;
        ctx.touched(chunk.length() - end);
        if (end > 0) {
          ctx.emit(chunk.head(end)); // up to and including the pattern: untouched
        }
        delegate.onAttach(ctx);
        if (chunk.length() > 0) {
          delegate.onChunk(ctx, chunk);
        } else {
          chunk.data().release();
        }
      }

      /** The offset in this chunk just past the pattern's end, or -1; remembers a partial match. */
      private int find(Chunk chunk) {
        byte[] bytes = new byte[chunk.length()];
        chunk.data().getBytes(chunk.data().readerIndex(), bytes);
        byte[] text = new byte[window.length + bytes.length];
        System.arraycopy(window, 0, text, 0, window.length);
        System.arraycopy(bytes, 0, text, window.length, bytes.length);
        for (int i = 0; i + pattern.length <= text.length; i++) {
          if (Arrays.equals(text, i, i + pattern.length, pattern, 0, pattern.length)) {
            return i + pattern.length - window.length;
          }
        }
        int keep = Math.min(pattern.length - 1, text.length);
        window = Arrays.copyOfRange(text, text.length - keep, text.length);
        return -1;
      }

      @Override
      public void onInputEnd(ToxicContext ctx) {
        if (triggered) {
          delegate.onInputEnd(ctx);
        } else {
          ctx.endOutput();
        }
      }

      @Override
      public void onRemove(ToxicContext ctx) {
        if (triggered) {
          delegate.onRemove(ctx);
        }
      }

      @Override
      public void onClose(ToxicContext ctx) {
        if (triggered) {
          delegate.onClose(ctx);
        }
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AfterPattern a && Arrays.equals(pattern, a.pattern) && inner.equals(a.inner);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pattern) * 31 + inner.hashCode();
  }

  @Override
  public String toString() {
    return "AfterPattern[" + Hex.format(pattern) + " -> " + inner + "]";
  }
}
