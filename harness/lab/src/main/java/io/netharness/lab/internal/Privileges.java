package io.netharness.lab.internal;

/** The one sentence every privilege failure ends with: what the lab needs and how to get it. */
public final class Privileges {
  public static final String FIX = "the lab needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN; run as root"
      + " (sudo, or a CI job as root), or in a container started with --cap-add NET_ADMIN --cap-add SYS_ADMIN"
      + " --device /dev/net/tun";

  private Privileges() {}
}
