package io.netharness.toxiproxy;

import io.netharness.proxy.FaultBackend;
import io.netharness.proxy.FaultBackendProvider;
import io.netharness.proxy.FaultSettings;
import java.util.Optional;
import java.util.Set;

/**
 * Makes {@code netharness.faults=toxiproxy} and {@code netharness.faults=testcontainers} work:
 * registered in {@code META-INF/services/io.netharness.proxy.FaultBackendProvider}.
 *
 * <pre>{@code
 * // mvn verify -Dnetharness.faults=testcontainers
 * FaultBackend backend = FaultBackends.fromConfiguration();   // a TestcontainersBackend
 * }</pre>
 */
public final class ToxiproxyBackendProvider implements FaultBackendProvider {

  @Override
  public Set<String> names() {
    return Set.of("toxiproxy", "testcontainers");
  }

  @Override
  public Optional<FaultBackend> create(String name, FaultSettings settings) {
    return switch (name) {
      case "toxiproxy" -> Optional.of(ToxiproxyBackend.connect(settings.toxiproxyUrl()));
      case "testcontainers" -> Optional.of(TestcontainersBackend.start(settings.toxiproxyImage()));
      default -> Optional.empty();
    };
  }
}
