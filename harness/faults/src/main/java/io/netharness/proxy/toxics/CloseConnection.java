package io.netharness.proxy.toxics;

import io.netharness.proxy.Chunk;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;
import java.util.Map;

/**
 * "close_connection" (beyond Toxiproxy): closes the connection as soon as it is attached, after
 * what already passed has been delivered. Meant as the inner toxic of a content trigger.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.after("LOGIN OK".getBytes(UTF_8), Toxics.closeConnection()));
 * }</pre>
 */
public record CloseConnection() implements Toxic {

  /** The wire name {@code "close_connection"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("close_connection", false,
      a -> new CloseConnection());
  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public Map<String, Object> attributes() {
    return Map.of();
  }

  @Override
  public ToxicStage newStage() {
    return new ToxicStage() {
      @Override
      public void onAttach(ToxicContext ctx) {
        ctx.touched(1);
        ctx.closeConnectionAfterOutput();
      }

      @Override
      public void onChunk(ToxicContext ctx, Chunk chunk) {
        ctx.drop(chunk);
      }
    };
  }
}
