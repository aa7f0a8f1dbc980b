package io.netharness.lab;

import io.netharness.lab.internal.NamespaceThread;
import io.netharness.lab.internal.Privileges;
import io.netharness.lab.internal.TunDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Works out once whether the lab can run here, by trying what it needs: a namespace and a TUN device in it. As
 * root that works; as another user it works inside a user namespace of the user's own (./netharness starts the
 * JVM in one); otherwise the reason ends with {@link Privileges#fix()}, the fix that fits this machine.
 */
final class LabSupport {
  private static volatile @Nullable Optional<String> answer;

  private LabSupport() {}

  static Optional<String> unavailableReason() {
    Optional<String> known = answer;
    if (known == null) {
      known = Optional.ofNullable(probe());
      answer = known;
    }
    return known;
  }

  static @Nullable String platformReason() {
    String os = System.getProperty("os.name", "unknown");
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      return "the lab runs on Linux only (network namespaces and TUN devices); this is " + os;
    }
    if (!Files.exists(Path.of("/dev/net/tun"))) {
      return "there is no /dev/net/tun (the tun module is not loaded or the container has no such device); "
          + Privileges.NEEDS + "; " + Privileges.AS_ROOT;
    }
    return null;
  }

  private static @Nullable String probe() {
    String reason = platformReason();
    if (reason != null) {
      return reason;
    }
    try (NamespaceThread thread = NamespaceThread.start("netharness-lab-probe")) {
      thread.call(() -> {
        TunDevice.open("nhprobe%d").close();
        return null;
      });
      return null;
    } catch (RuntimeException | LinkageError e) {
      return e.getMessage();
    }
  }
}
