package io.netharness.lab.internal;

import com.sun.jna.Memory;
import io.netharness.HarnessException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configures interfaces of the calling thread's network namespace with the classic socket ioctls (no
 * {@code ip} process, no netlink): an IPv4 address and prefix, the MTU, the interface up; IPv6 off.
 */
public final class NetDevices {
  private static final long SIOCGIFFLAGS = 0x8913;
  private static final long SIOCSIFFLAGS = 0x8914;
  private static final long SIOCSIFADDR = 0x8916;
  private static final long SIOCSIFNETMASK = 0x891c;
  private static final long SIOCSIFMTU = 0x8922;
  private static final short IFF_UP = 0x1;

  private NetDevices() {}

  /** Sets the address and prefix of {@code device} and brings it up. */
  public static void configure(String device, Inet4Address address, int prefixLength) {
    int sock = control();
    try {
      ioctl(sock, SIOCSIFADDR, sockaddr(device, address.getAddress()), device);
      int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
      byte[] maskBytes = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
      ioctl(sock, SIOCSIFNETMASK, sockaddr(device, maskBytes), device);
      up(sock, device);
    } finally {
      LibC.close(sock);
    }
  }

  /** Sets the largest packet {@code device} sends, IP header included. */
  public static void mtu(String device, int bytes) {
    int sock = control();
    try {
      Memory ifreq = ifreq(device);
      ifreq.setInt(16, bytes); // ifr_mtu
      ioctl(sock, SIOCSIFMTU, ifreq, device);
    } finally {
      LibC.close(sock);
    }
  }

  /** Brings {@code device} up without an address (the loopback device of a new namespace is down). */
  public static void up(String device) {
    int sock = control();
    try {
      up(sock, device);
    } finally {
      LibC.close(sock);
    }
  }

  /**
   * Turns IPv6 off in the calling thread's namespace (net sysctls follow the opening thread's namespace), so
   * the hosts send no router solicitations or neighbour discovery onto the wire. A kernel without IPv6 has
   * nothing to turn off.
   */
  public static void disableIpv6() {
    for (String scope : new String[] {"all", "default", "lo"}) {
      if (Files.exists(Path.of("/proc/sys/net/ipv6/conf", scope, "disable_ipv6"))) {
        Sysctls.write("net.ipv6.conf." + scope + ".disable_ipv6", "1");
      }
    }
  }

  private static void up(int sock, String device) {
    Memory ifreq = ifreq(device);
    ioctl(sock, SIOCGIFFLAGS, ifreq, device);
    ifreq.setShort(16, (short) (ifreq.getShort(16) | IFF_UP));
    ioctl(sock, SIOCSIFFLAGS, ifreq, device);
  }

  private static int control() {
    int sock = LibC.socket(LibC.AF_INET, LibC.SOCK_DGRAM, 0);
    if (sock < 0) {
      throw new HarnessException(LibC.errno("socket(AF_INET)"));
    }
    return sock;
  }

  private static Memory sockaddr(String device, byte[] address) {
    Memory ifreq = ifreq(device);
    ifreq.setShort(16, (short) LibC.AF_INET); // sin_family, host order; sin_port stays 0
    ifreq.write(20, address, 0, 4); // sin_addr, network order
    return ifreq;
  }

  private static Memory ifreq(String device) {
    Memory ifreq = new Memory(40);
    ifreq.clear();
    byte[] name = device.getBytes(StandardCharsets.US_ASCII);
    ifreq.write(0, name, 0, Math.min(name.length, 15));
    return ifreq;
  }

  private static void ioctl(int sock, long request, Memory ifreq, String device) {
    if (LibC.ioctl(sock, request, ifreq) < 0) {
      throw new HarnessException(LibC.errno("ioctl(0x" + Long.toHexString(request) + ", " + device + ")")
          + "; " + Privileges.fix());
    }
  }
}
