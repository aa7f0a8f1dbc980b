package io.netharness.lab;

import io.netharness.lab.internal.NamespaceThread;
import io.netharness.lab.internal.Sysctls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One host of the lab: a network namespace with a loopback device and one TUN device on the wire, with an
 * IPv4 address and IPv6 off. Code given to {@link #call(Callable)} runs on the host's own thread, inside the
 * namespace, so the endpoints it starts (TcpServer, TcpClient, UdpPeer, unchanged) open their sockets on this
 * host; their I/O then runs on the usual event loops.
 *
 * <pre>{@code
 * TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
 * TcpClient client = lab.a().call(() -> TcpClient.connect(server.address()));
 * }</pre>
 */
public final class LabHost {
  private final String name;
  private final Inet4Address address;
  private final String device;
  private final NamespaceThread thread;

  LabHost(String name, Inet4Address address, String device, NamespaceThread thread) {
    this.name = name;
    this.address = address;
    this.device = device;
    this.thread = thread;
  }

  /** {@code a} or {@code b}. */
  public String name() {
    return name;
  }

  /** The host's address on the wire, as text: {@code 10.77.0.1} for a, {@code 10.77.0.2} for b. */
  public String address() {
    return address.getHostAddress();
  }

  /** The name of the host's TUN device inside its namespace. */
  public String device() {
    return device;
  }

  /** Runs {@code work} inside the host's namespace and returns its result; its exceptions reach the caller. */
  public <T> T call(Callable<T> work) {
    return thread.call(work);
  }

  /** Runs {@code work} inside the host's namespace. */
  public void execute(LabTask work) {
    thread.call(() -> {
      work.execute();
      return null;
    });
  }

  /**
   * Changes one network setting of this host's kernel only, as {@code sysctl -w} would inside its namespace:
   * {@code host.sysctl("net.ipv4.tcp_wmem", "4096 1048576 4194304")}.
   */
  public void sysctl(String name, String value) {
    thread.call(() -> {
      Sysctls.write(name, value);
      return null;
    });
  }

  /** The kernel's TCP, UDP and IP counters for this host's namespace, read now. */
  public KernelCounters kernelCounters() {
    return thread.call(() -> {
      List<String> lines = new ArrayList<>(read(Path.of("/proc/thread-self/net/snmp")));
      lines.addAll(read(Path.of("/proc/thread-self/net/netstat")));
      return KernelCounters.parse(lines);
    });
  }

  /** A command that opens a shell in this host's namespace while the lab runs, e.g. for {@code tcpdump}. */
  public String nsenterCommand() {
    return "nsenter --net=/proc/" + ProcessHandle.current().pid() + "/task/" + thread.tid() + "/ns/net";
  }

  private static List<String> read(Path path) {
    try {
      return Files.readAllLines(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the host's kernel counters from " + path, e);
    }
  }

  @Override
  public String toString() {
    return "lab host " + name + " (" + address() + " on " + device + ")";
  }
}
