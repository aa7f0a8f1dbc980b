package io.netharness.lab.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What the lab needs and, when this process lacks it, the fix that fits this machine: every privilege failure
 * ends with {@link #fix()}. The lab needs CAP_NET_ADMIN + CAP_SYS_ADMIN over the network namespaces it creates;
 * root has them, and so has an unprivileged user inside a user namespace of their own (the namespaces a thread
 * creates there belong to it), which most Linux systems allow: {@code ./netharness} starts the JVM in one.
 *
 * <pre>{@code
 * String fix = Privileges.fix(Privileges.Facts.gather());
 * }</pre>
 */
public final class Privileges {
  /** What the lab needs, the start of every fix. */
  public static final String NEEDS = "the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN";
  /** The way that works everywhere the kernel has TUN: root, or a container given the two capabilities. */
  public static final String AS_ROOT = "run as root (sudo, or a CI job as root), or in a container started with"
      + " --cap-add NET_ADMIN --cap-add SYS_ADMIN --device /dev/net/tun";
  /** How to start a JVM in a user namespace where it keeps its user but gets the capabilities there. */
  public static final String MAVEN_IN_USERNS = "unshare --map-current-user --keep-caps ./mvnw -B verify";

  private static final int CAP_NET_ADMIN = 12;
  private static final int CAP_SYS_ADMIN = 21;
  private static final String INITIAL_UID_MAP = "0 0 4294967295";
  /** The settings that can forbid users to create user namespaces: the value that forbids, the one that allows. */
  private static final List<Knob> USERNS_KNOBS = List.of(new Knob("user.max_user_namespaces", "0", "15000"),
      new Knob("kernel.unprivileged_userns_clone", "0", "1"),
      new Knob("kernel.apparmor_restrict_unprivileged_userns", "1", "0"));

  private static volatile @Nullable String machineFix;

  private Privileges() {}

  /**
   * What decides the fix, read from this process and machine by {@link #gather()}.
   *
   * @param capable whether the process has CAP_NET_ADMIN and CAP_SYS_ADMIN (in its own user namespace)
   * @param tunAccessible whether /dev/net/tun can be opened for reading and writing by this process
   * @param tunMode its permissions, like {@code rw-rw-rw-}
   * @param uidMap /proc/self/uid_map, whitespace squeezed: {@code 0 0 4294967295} outside any user namespace
   * @param userNamespaceRefusal null when this user may create a user namespace ({@code unshare --user
   *     --map-root-user true} succeeds), else why not
   * @param sysctls the settings that switch unprivileged user namespaces off, those this kernel has
   */
  public record Facts(boolean capable, boolean tunAccessible, String tunMode, String uidMap,
      @Nullable String userNamespaceRefusal, Map<String, String> sysctls) {
    /** Outside every user namespace but the machine's own. */
    public boolean inUserNamespace() {
      return !INITIAL_UID_MAP.equals(uidMap);
    }

    /** Reads them; runs {@code unshare --user --map-root-user true} once (a few milliseconds). */
    public static Facts gather() {
      Path tun = Path.of("/dev/net/tun");
      String mode;
      try {
        mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(tun));
      } catch (IOException | UnsupportedOperationException e) {
        mode = "unknown";
      }
      Map<String, String> sysctls = new LinkedHashMap<>();
      for (Knob knob : USERNS_KNOBS) {
        String value = read(Path.of("/proc/sys", knob.name().replace('.', '/')));
        if (value != null) {
          sysctls.put(knob.name(), value);
        }
      }
      String uidMap = read(Path.of("/proc/self/uid_map"));
      uidMap = uidMap == null ? INITIAL_UID_MAP : uidMap.replaceAll("\\s+", " ");
      boolean accessible = Files.isReadable(tun) && Files.isWritable(tun);
      return new Facts(hasCapabilities(read(Path.of("/proc/self/status"))), accessible, mode, uidMap,
          tryUserNamespace(), sysctls);
    }
  }

  /** The fix for this machine, worked out once: what {@link #fix(Facts)} says for {@link Facts#gather()}. */
  public static String fix() {
    String known = machineFix;
    if (known == null) {
      known = fix(Facts.gather());
      machineFix = known;
    }
    return known;
  }

  /** What the lab needs and how to get it, given the facts: the sentence every privilege failure ends with. */
  public static String fix(Facts facts) {
    if (!facts.tunAccessible()) {
      return NEEDS + "; /dev/net/tun is not readable and writable for this user (" + facts.tunMode() + "): "
          + AS_ROOT + ", or let users open it (sudo chmod 0666 /dev/net/tun, as most distributions ship it)";
    }
    if (facts.capable()) {
      // the capabilities are there, yet the kernel refused: a container's seccomp profile, or a kernel without it
      return NEEDS + "; " + AS_ROOT;
    }
    String where = facts.inUserNamespace()
        ? "; this JVM runs in a user namespace (uid_map " + facts.uidMap() + ") that does not give them" : "";
    if (facts.userNamespaceRefusal() == null) {
      // inside a user namespace already (one that lacks them), a new one has to be started from outside it
      String own = facts.inUserNamespace() ? ", started from outside this one" : "";
      return NEEDS + where + "; run as root, or in a user namespace of your own" + own
          + ", which this system lets users create"
          + " and which gives them: ./netharness starts its JVM in one (unless NETHARNESS_USERNS=0); for Maven: "
          + MAVEN_IN_USERNS + " (or unshare --user --map-root-user ./mvnw -B -Duser.home=$HOME verify),"
          + " see docs/lab.md";
    }
    return NEEDS + where + "; " + AS_ROOT + ". A user namespace would give them to this user, but this system does"
        + " not let users create one (" + facts.userNamespaceRefusal() + "): " + enable(facts.sysctls());
  }

  private static String enable(Map<String, String> sysctls) {
    List<String> commands = new ArrayList<>();
    for (Knob knob : USERNS_KNOBS) {
      if (knob.forbids().equals(sysctls.get(knob.name()))) {
        commands.add("sudo sysctl -w " + knob.name() + "=" + knob.allows());
      }
    }
    if (commands.isEmpty()) {
      return "allow unprivileged user namespaces (a container needs a seccomp profile that allows unshare"
          + " CLONE_NEWUSER; kernel settings: user.max_user_namespaces, kernel.unprivileged_userns_clone,"
          + " kernel.apparmor_restrict_unprivileged_userns)";
    }
    return "allow them with " + String.join(" and ", commands);
  }

  private record Knob(String name, String forbids, String allows) {}

  static boolean hasCapabilities(@Nullable String status) {
    if (status == null) {
      return false;
    }
    for (String line : status.split("\n")) {
      if (line.startsWith("CapEff:")) {
        long caps = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
        return (caps >> CAP_NET_ADMIN & 1) == 1 && (caps >> CAP_SYS_ADMIN & 1) == 1;
      }
    }
    return false;
  }

  /** Null when {@code unshare --user --map-root-user true} succeeds, else what went wrong. */
  private static @Nullable String tryUserNamespace() {
    try {
      // its output goes to a file, so a hanging unshare is bounded by the wait below, not by a read
      Path output = Files.createTempFile("netharness-unshare", ".txt");
      String out;
      Process unshare;
      try {
        unshare = new ProcessBuilder("unshare", "--user", "--map-root-user", "true")
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        unshare.getOutputStream().close();
        if (!unshare.waitFor(10, TimeUnit.SECONDS)) {
          unshare.destroyForcibly();
          return "unshare --user --map-root-user true did not end";
        }
        out = Files.readString(output, StandardCharsets.UTF_8).strip();
      } finally {
        Files.deleteIfExists(output);
      }
      return unshare.exitValue() == 0 ? null : "unshare --user --map-root-user true: "
          + (out.isEmpty() ? "exit " + unshare.exitValue() : out.lines().findFirst().orElse(out));
    } catch (IOException e) {
      return "unshare from util-linux is not installed, so this could not be tried";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while trying unshare --user";
    }
  }

  private static @Nullable String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
