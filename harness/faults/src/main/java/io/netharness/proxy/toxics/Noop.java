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
  @Override
  public String type() {
    return "noop";
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
