package io.netharness.proxy.toxics;

import io.netharness.HarnessException;
import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.util.Map;

/**
 * "limit_data": passes {@code bytes} bytes in its direction on each connection (cutting the chunk
 * that crosses the limit), then closes the connection. 0 closes on the first chunk. The count
 * survives attribute updates, as in Toxiproxy.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.limitData(10));   // the client gets 10 bytes, then EOF
 * }</pre>
 *
 * @param bytes how many bytes pass ({@code bytes} attribute)
 */
public record LimitData(long bytes) implements Toxic {

  /** The wire name {@code "limit_data"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("limit_data", true,
      a -> new LimitData(a.whole("bytes", 0, Long.MAX_VALUE, "bytes")));

  public LimitData {
    if (bytes < 0) {
      throw new HarnessException("limit_data bytes cannot be negative: " + bytes);
    }
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Attributes.ordered("bytes", bytes);
  }

  @Override
  public ToxicStage newStage() {
    return new ToxicStage() {
      private long limit = bytes;
      private long passed;
      private boolean closing;

      @Override
      public void onChunk(ToxicContext ctx, Chunk chunk) {
        if (closing) {
          ctx.drop(chunk);
          return;
        }
        long room = limit - passed;
        if (room >= chunk.length()) {
          passed += chunk.length();
          ctx.emit(chunk);
          if (passed == limit) {
            closing = true;
            ctx.touched(1);
            ctx.closeConnectionAfterOutput();
          }
          return;
        }
        ctx.touched(chunk.length() - room);
        if (room > 0) {
          passed += room;
          ctx.emit(chunk.head((int) room));
        }
        ctx.drop(chunk);
        closing = true;
        ctx.closeConnectionAfterOutput();
      }

      @Override
      public boolean update(ToxicContext ctx, Toxic updated) {
        limit = ((LimitData) updated).bytes();
        return true;
      }
    };
  }
}
