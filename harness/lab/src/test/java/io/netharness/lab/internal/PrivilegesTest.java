package io.netharness.lab.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which fix the lab names, for each kind of machine: the facts in, the sentence out. */
@Timeout(30)
class PrivilegesTest {
  private static final String OUTSIDE = "0 0 4294967295";
  private static final Map<String, String> DEFAULTS = Map.of("user.max_user_namespaces", "96364");

  @Test
  void aRootWithoutTheCapabilitiesIsToldToRunAsRootOrInAContainerGivenThem() {
    assertThat(Privileges.fix(new Privileges.Facts(true, true, "rw-rw-rw-", OUTSIDE, null, DEFAULTS))).isEqualTo(
        "the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; run as root (sudo, or a CI job as"
            + " root), or in a container started with --cap-add NET_ADMIN --cap-add SYS_ADMIN --device /dev/net/tun");
  }

  @Test
  void aUserWhoMayCreateAUserNamespaceIsToldHowToStartTheJvmInOne() {
    assertThat(Privileges.fix(new Privileges.Facts(false, true, "rw-rw-rw-", OUTSIDE, null, DEFAULTS))).isEqualTo(
        "the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; run as root, or in a user namespace"
            + " of your own, which this system lets users create and which gives them: ./netharness starts its JVM in"
            + " one (unless NETHARNESS_USERNS=0); for Maven: unshare --map-current-user --keep-caps ./mvnw -B verify"
            + " (or unshare --user --map-root-user ./mvnw -B -Duser.home=$HOME verify), see docs/lab.md");
  }

  @Test
  void aUserInAUserNamespaceWithoutTheCapabilitiesIsToldSoAndHowToGetThem() {
    assertThat(Privileges.fix(new Privileges.Facts(false, true, "rw-rw-rw-", "1001 1001 1", null, DEFAULTS)))
        .startsWith("the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; this JVM runs in a user"
            + " namespace (uid_map 1001 1001 1) that does not give them; run as root, or in a user namespace of your"
            + " own, started from outside this one, which this system lets users create");
    assertThat(Privileges.fix(new Privileges.Facts(false, true, "rw-rw-rw-", "0 0 65536", "unshare: No space left",
        DEFAULTS))).startsWith("the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; this JVM runs"
            + " in a user namespace (uid_map 0 0 65536) that does not give them; run as root (sudo, or a CI job as"
            + " root)").contains("this system does not let users create one (unshare: No space left)");
  }

  @Test
  void whereUserNamespacesAreSwitchedOffTheSettingThatDoesItIsNamed() {
    String refusal = "unshare --user --map-root-user true: unshare: unshare failed: Operation not permitted";
    assertThat(Privileges.fix(new Privileges.Facts(false, true, "rw-rw-rw-", OUTSIDE, refusal,
        Map.of("kernel.unprivileged_userns_clone", "0")))).isEqualTo(
        "the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; run as root (sudo, or a CI job as"
            + " root), or in a container started with --cap-add NET_ADMIN --cap-add SYS_ADMIN --device /dev/net/tun."
            + " A user namespace would give them to this user, but this system does not let users create one ("
            + refusal + "): allow them with sudo sysctl -w kernel.unprivileged_userns_clone=1");
    assertThat(Privileges.fix(new Privileges.Facts(false, true, "rw-rw-rw-", OUTSIDE, refusal,
        Map.of("user.max_user_namespaces", "0"))))
        .endsWith("allow them with sudo sysctl -w user.max_user_namespaces=15000");
    assertThat(Privileges.fix(new Privileges.Facts(false, true, "rw-rw-rw-", OUTSIDE, refusal,
        Map.of("user.max_user_namespaces", "1000", "kernel.apparmor_restrict_unprivileged_userns", "1"))))
        .endsWith("allow them with sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0");
  }

  @Test
  void whenNoSettingExplainsTheRefusalTheFixSaysWhereToLook() {
    assertThat(Privileges.fix(new Privileges.Facts(false, true, "rw-rw-rw-", OUTSIDE,
        "unshare from util-linux is not installed, so this could not be tried", DEFAULTS)))
        .contains("does not let users create one (unshare from util-linux is not installed, so this could not be"
            + " tried): allow unprivileged user namespaces (a container needs a seccomp profile that allows unshare"
            + " CLONE_NEWUSER; kernel settings: user.max_user_namespaces, kernel.unprivileged_userns_clone,"
            + " kernel.apparmor_restrict_unprivileged_userns)");
  }

  @Test
  void aTunDeviceOnlyRootMayOpenIsNamedWithItsMode() {
    assertThat(Privileges.fix(new Privileges.Facts(false, false, "rw-------", OUTSIDE, null, DEFAULTS))).isEqualTo(
        "the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; /dev/net/tun is not readable and"
            + " writable for this user (rw-------): run as root (sudo, or a CI job as root), or in a container"
            + " started with --cap-add NET_ADMIN --cap-add SYS_ADMIN --device /dev/net/tun, or let users open it"
            + " (sudo chmod 0666 /dev/net/tun, as most distributions ship it)");
  }

  @Test
  void theCapabilitiesAreReadFromTheEffectiveSet() {
    assertThat(Privileges.hasCapabilities("Name:\tjava\nCapInh:\t0\nCapEff:\t000001ffffffffff\n")).isTrue();
    assertThat(Privileges.hasCapabilities("CapEff:\t0000000000001000\n")).isFalse(); // CAP_NET_ADMIN only
    assertThat(Privileges.hasCapabilities("CapEff:\t0000000000201000\n")).isTrue(); // and CAP_SYS_ADMIN
    assertThat(Privileges.hasCapabilities("CapEff:\t0000000000000000\n")).isFalse();
    assertThat(Privileges.hasCapabilities(null)).isFalse();
  }

  @Test
  void theFactsOfThisMachineAreGathered() {
    Privileges.Facts facts = Privileges.Facts.gather();
    assertThat(facts.uidMap()).matches("\\d+ \\d+ \\d+( \\d+ \\d+ \\d+)*");
    assertThat(facts.tunMode()).matches("[rwx-]{9}|unknown");
  }
}
