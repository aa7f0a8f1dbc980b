package io.netharness.proxy.api;

import io.netharness.proxy.FaultProxy;
import java.util.List;

/**
 * A {@code /populate} that stopped half-way: the error, plus the proxies created or kept before
 * it (populate is not atomic, as in Toxiproxy).
 *
 * <pre>{@code
 * try { registry.populate(specs); } catch (PopulateException e) { e.proxies(); }
 * }</pre>
 */
public final class PopulateException extends ApiException {
  private static final long serialVersionUID = 1L;
  private final transient List<FaultProxy> proxies;

  PopulateException(ApiException cause, List<FaultProxy> proxies) {
    super(cause.status(), cause.getMessage() == null ? "populate failed" : cause.getMessage(), cause);
    this.proxies = List.copyOf(proxies);
  }

  /** The proxies done before the failure, in request order. */
  public List<FaultProxy> proxies() {
    return proxies;
  }
}
