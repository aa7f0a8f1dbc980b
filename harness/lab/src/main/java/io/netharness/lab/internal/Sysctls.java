package io.netharness.lab.internal;

import io.netharness.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a kernel setting of the calling thread's network namespace: {@code /proc/sys/net/...} follows the
 * namespace of the thread that opens it, so on a lab host's thread it changes that host only.
 */
public final class Sysctls {
  private Sysctls() {}

  /** {@code name} as sysctl(8) writes it: {@code net.ipv4.tcp_wmem}. */
  public static void write(String name, String value) {
    if (!name.startsWith("net.") || name.contains("..") || name.contains("/")) {
      throw new HarnessException("a lab host sets only its own network settings, named like net.ipv4.tcp_wmem, not \""
          + name + "\"");
    }
    Path knob = Path.of("/proc/sys", name.replace('.', '/'));
    if (!Files.exists(knob)) {
      throw new HarnessException("this kernel has no setting " + name + " (" + knob + ")");
    }
    try {
      Files.writeString(knob, value);
    } catch (IOException e) {
      throw new HarnessException("cannot set " + name + " to \"" + value + "\": " + e.getMessage() + "; "
          + Privileges.fix(), e);
    }
  }
}
