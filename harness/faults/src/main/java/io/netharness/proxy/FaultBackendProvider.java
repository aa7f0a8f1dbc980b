package io.netharness.proxy;

import java.util.Optional;

/**
 * Service-provider hook for backends that live in other modules (the Toxiproxy backends in
 * netharness-toxiproxy), found with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * // META-INF/services/io.netharness.proxy.FaultBackendProvider
 * io.netharness.toxiproxy.ToxiproxyBackendProvider
 * }</pre>
 */
public interface FaultBackendProvider {

  /** The backend names this provider answers to, e.g. "toxiproxy". */
  java.util.Set<String> names();

  /** A backend for {@code name}; settings come from {@code settings}. */
  Optional<FaultBackend> create(String name, FaultSettings settings);
}
