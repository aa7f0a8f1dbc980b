package io.netharness.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's own counters for one lab host's network namespace, from {@code /proc/thread-self/net/snmp} and
 * {@code /proc/thread-self/net/netstat} read on the host's thread: keys are {@code Group.Name} as the kernel
 * prints them ({@code Tcp.RetransSegs}, {@code Udp.InCsumErrors}, {@code TcpExt.TCPOFOQueue}, ...).
 *
 * <pre>{@code
 * KernelCounters before = lab.a().kernelCounters();
 * ... send ...
 * long retransmitted = lab.a().kernelCounters().minus(before).tcpRetransSegs();
 * }</pre>
 */
public record KernelCounters(Map<String, Long> values) {
  public KernelCounters {
    values = Map.copyOf(values);
  }

  /** Parses the header/value line pairs of {@code /proc/net/snmp} and {@code /proc/net/netstat}. */
  public static KernelCounters parse(List<String> lines) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (int i = 0; i + 1 < lines.size(); i += 2) {
      String[] names = lines.get(i).trim().split("\\s+");
      String[] numbers = lines.get(i + 1).trim().split("\\s+");
      String group = names[0].replace(":", "");
      for (int k = 1; k < Math.min(names.length, numbers.length); k++) {
        try {
          values.put(group + "." + names[k], Long.parseLong(numbers[k]));
        } catch (NumberFormatException notACounter) {
          // a line pair that is not name/number (none today) is skipped
        }
      }
    }
    return new KernelCounters(values);
  }

  /** One counter; 0 when this kernel does not have it. */
  public long get(String key) {
    return values.getOrDefault(key, 0L);
  }

  /** The change since {@code earlier}, counter by counter. */
  public KernelCounters minus(KernelCounters earlier) {
    Map<String, Long> delta = new LinkedHashMap<>();
    values.forEach((key, value) -> delta.put(key, value - earlier.get(key)));
    return new KernelCounters(delta);
  }

  /** Segments TCP sent again because they were not acknowledged in time (or were reported lost). */
  public long tcpRetransSegs() {
    return get("Tcp.RetransSegs");
  }

  /** TCP segments dropped because their checksum was wrong. */
  public long tcpInCsumErrors() {
    return get("Tcp.InCsumErrors");
  }

  /** UDP datagrams dropped on receipt (checksum, full receive buffer, ...). */
  public long udpInErrors() {
    return get("Udp.InErrors");
  }

  /** UDP datagrams dropped because their checksum was wrong. */
  public long udpInCsumErrors() {
    return get("Udp.InCsumErrors");
  }

  /** UDP datagrams dropped because the receiving socket's buffer was full. */
  public long udpRcvbufErrors() {
    return get("Udp.RcvbufErrors");
  }

  /** TCP segments that arrived out of order and were queued until the gap was filled. */
  public long tcpOutOfOrderQueued() {
    return get("TcpExt.TCPOFOQueue");
  }
}
