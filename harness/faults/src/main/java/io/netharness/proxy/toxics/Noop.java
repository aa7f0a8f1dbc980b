package io.netharness.proxy.toxics;

import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicStage;
import java.util.Map;

/**
 * "noop": passes everything through. Useful to check that a toxic chain works at all.
 *
 * <pre>{@code
 * proxy.add(Direction.UPSTREAM, new Noop());
 * }</pre>
 */
public record Noop() implements Toxic {

  /** The wire name {@code "noop"} and how to build one from Toxiproxy's attributes. */
  public static final ToxicType TYPE = new ToxicType("noop", true,
      a -> new Noop());
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
    return (ctx, chunk) -> ctx.emit(chunk);
  }
}
