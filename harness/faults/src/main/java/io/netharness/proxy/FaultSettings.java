package io.netharness.proxy;

import io.netharness.HarnessException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fault configuration from system properties (first) or environment variables:
 * {@code netharness.faults} / {@code NETHARNESS_FAULTS} (embedded|toxiproxy|testcontainers),
 * {@code netharness.toxiproxy.url} / {@code NETHARNESS_TOXIPROXY_URL} (default
 * http://127.0.0.1:8474), {@code netharness.toxiproxy.image} / {@code NETHARNESS_TOXIPROXY_IMAGE}
 * (default ghcr.io/shopify/toxiproxy:2.12.0), {@code netharness.seed} / {@code NETHARNESS_SEED}.
 *
 * <pre>{@code
 * // mvn verify -Dnetharness.faults=toxiproxy -Dnetharness.toxiproxy.url=http://127.0.0.1:8474
 * FaultSettings settings = FaultSettings.fromEnvironment();
 * }</pre>
 *
 * @param backend the backend name
 * @param toxiproxyUrl the Toxiproxy API URL for the toxiproxy backend
 * @param toxiproxyImage the image for the testcontainers backend
 * @param seed the seed for embedded randomness, if set
 */
public record FaultSettings(String backend, String toxiproxyUrl, String toxiproxyImage, Optional<Long> seed) {

  public static final String DEFAULT_URL = "http://127.0.0.1:8474";
  public static final String DEFAULT_IMAGE = "ghcr.io/shopify/toxiproxy:2.12.0";

  public static FaultSettings fromEnvironment() {
    return from(System.getProperties(), System.getenv());
  }

  static FaultSettings from(Map<Object, Object> properties, Map<String, String> environment) {
    String backend = setting(properties, environment, "netharness.faults", "embedded").toLowerCase(Locale.ROOT);
    String url = setting(properties, environment, "netharness.toxiproxy.url", DEFAULT_URL);
    String image = setting(properties, environment, "netharness.toxiproxy.image", DEFAULT_IMAGE);
    String seedText = setting(properties, environment, "netharness.seed", "");
    Optional<Long> seed = Optional.empty();
    if (!seedText.isBlank()) {
      try {
        seed = Optional.of(Long.parseLong(seedText.trim()));
      } catch (NumberFormatException e) {
        throw new HarnessException("netharness.seed must be a whole number, not \"" + seedText + "\"");
      }
    }
    return new FaultSettings(backend, url, image, seed);
  }

  private static String setting(Map<Object, Object> properties, Map<String, String> environment, String key, String fallback) {
    Object property = properties.get(key);
    if (property != null && !property.toString().isBlank()) {
      return property.toString();
    }
    String variable = environment.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
    return variable != null && !variable.isBlank() ? variable : fallback;
  }
}
