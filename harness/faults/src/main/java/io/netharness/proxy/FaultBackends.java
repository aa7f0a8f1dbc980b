package io.netharness.proxy;

import io.netharness.HarnessException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Picks the fault backend the configuration names (see {@link FaultSettings}).
 *
 * <pre>{@code
 * FaultBackend backend = FaultBackends.fromConfiguration();   // embedded unless told otherwise
 * }</pre>
 */
public final class FaultBackends {
  private FaultBackends() {}

  public static FaultBackend fromConfiguration() {
    return create(FaultSettings.fromEnvironment());
  }

  public static FaultBackend create(FaultSettings settings) {
    if (settings.backend().equals("embedded")) {
      return new EmbeddedBackend(settings.seed());
    }
    List<String> known = new ArrayList<>(List.of("embedded"));
    for (FaultBackendProvider provider : ServiceLoader.load(FaultBackendProvider.class)) {
      known.addAll(provider.names());
      Optional<FaultBackend> backend = provider.create(settings.backend(), settings);
      if (backend.isPresent()) {
        return backend.get();
      }
    }
    throw new HarnessException("unknown fault backend \"" + settings.backend() + "\" (netharness.faults /"
        + " NETHARNESS_FAULTS): use one of " + known
        + (known.size() == 1 ? "; toxiproxy and testcontainers need netharness-toxiproxy on the class path" : ""));
  }
}
