package io.netharness.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * System properties saved on creation and put back on close: a goal that sets them leaves the Maven JVM as it found
 * it, so the next module (or the next build in a daemon) starts from the same place.
 *
 * <pre>{@code
 * SystemProperties saved = SystemProperties.save(List.of("netharness.faults"));
 * try {
 *   System.setProperty("netharness.faults", "toxiproxy");
 * } finally {
 *   saved.close();   // restored (or cleared) here
 * }
 * }</pre>
 */
final class SystemProperties implements AutoCloseable {
  /** What {@code netharness run} sets from its options. */
  static final List<String> RUN_SETTINGS =
      List.of("netharness.faults", "netharness.toxiproxy.url", "netharness.seed", "cucumber.publish.quiet");

  private final Map<String, String> before = new HashMap<>();
  private final List<String> names;

  private SystemProperties(List<String> names) {
    this.names = List.copyOf(names);
    for (String name : names) {
      String value = System.getProperty(name);
      if (value != null) {
        before.put(name, value);
      }
    }
  }

  static SystemProperties save(List<String> names) {
    return new SystemProperties(names);
  }

  @Override
  public void close() {
    for (String name : names) {
      String value = before.get(name);
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    }
  }
}
