package io.netharness.proxy.toxics;

import io.netharness.proxy.ToxicContext;
import io.netharness.proxy.ToxicStage;

/**
 * A stage that holds chunks back and lets them out in order: the end of input waits behind the
 * held chunks, and removal delivers everything held at once (nothing is dropped).
 */
abstract class HoldingStage implements ToxicStage {
  protected final Held held = new Held();

  @Override
  public void onInputEnd(ToxicContext ctx) {
    held.end(ctx);
  }

  @Override
  public void onRemove(ToxicContext ctx) {
    held.releaseAll(ctx);
  }

  @Override
  public void onClose(ToxicContext ctx) {
    held.dropAll(ctx);
  }
}
