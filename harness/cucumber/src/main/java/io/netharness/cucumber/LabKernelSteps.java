package io.netharness.cucumber;

import io.cucumber.java.en.Then;
import io.netharness.ExpectationFailedException;
import io.netharness.HarnessException;
import io.netharness.TcpInfo;
import io.netharness.lab.LabHost;
import java.util.Locale;

/**
 * What the lab hosts' kernels saw: the counters of each host's namespace ({@code /proc/net/snmp} and
 * {@code netstat}: retransmissions, checksum errors, out-of-order segments, ...) and one connection's own
 * TCP_INFO. Each check prints what it read.
 *
 * <pre>{@code
 * Then the kernel of lab host "a" counted TCP retransmissions
 * And the kernel's TCP_INFO of "alice" shows retransmissions
 * And the kernel counter "TcpExt.TCPOFOQueue" of lab host "b" is 0
 * }</pre>
 */
public final class LabKernelSteps {
  private final HarnessState state;
  private final LabContext lab;

  public LabKernelSteps(HarnessState state) {
    this.state = state;
    this.lab = new LabContext(state);
  }

  @Then("the kernel counter {string} of lab host {string} is {long}")
  public void counterIs(String key, String host, long expected) {
    long n = lab.host(host).kernelCounters().get(key);
    lab.log("kernel of host " + host + ": " + key + " = " + n);
    if (n != expected) {
      throw new ExpectationFailedException("expected " + key + " of host \"" + host + "\" to be " + expected
          + ", but it is " + n);
    }
  }

  @Then("the kernel of lab host {string} counted TCP retransmissions")
  public void retransmissions(String host) {
    long n = awaitCounterAbove(host, "Tcp.RetransSegs", 0);
    if (n == 0) {
      throw new ExpectationFailedException("expected host \"" + host + "\"'s kernel to count retransmitted segments"
          + " (Tcp.RetransSegs), but it counted none");
    }
  }

  @Then("the kernel's TCP_INFO of {string} shows retransmissions")
  public void tcpInfoRetransmissions(String client) {
    TcpInfo info = tcpInfo(client);
    if (info.totalRetransmits() == 0) {
      throw new ExpectationFailedException("expected the kernel to have sent segments of \"" + client + "\" again,"
          + " but its TCP_INFO says: " + info);
    }
  }

  @Then("the kernel's TCP_INFO of {string} shows a smoothed RTT of at least {duration}")
  public void tcpInfoRtt(String client, java.time.Duration floor) {
    TcpInfo info = tcpInfo(client);
    if (info.rtt().compareTo(floor) < 0) {
      throw new ExpectationFailedException("expected the kernel's smoothed RTT of \"" + client + "\" to be at least "
          + LabContext.millis(floor) + ", but its TCP_INFO says: " + info);
    }
  }

  private TcpInfo tcpInfo(String client) {
    TcpInfo info = state.client(client).tcpInfo().orElseThrow(() -> new ExpectationFailedException(
        "expected TCP_INFO of \"" + client + "\", but its transport (" + io.netharness.internal.Transports.name()
            + ") cannot read it, or the connection is closed: TCP_INFO needs Netty's epoll transport (Linux)"));
    lab.log("TCP_INFO of \"" + client + "\": " + info);
    return info;
  }

  @Then("the kernel of lab host {string} dropped every corrupted {word} packet by its checksum")
  public void checksumDrops(String host, String protocol) {
    String key = switch (protocol.toUpperCase(Locale.ROOT)) {
      case "TCP" -> "Tcp.InCsumErrors";
      case "UDP" -> "Udp.InCsumErrors";
      default -> throw new HarnessException("checksum errors are counted for TCP or UDP, not \"" + protocol + "\"");
    };
    long[] corruptedAndDropped = new long[2];
    try { // a corrupted packet the wire just wrote may not have reached the kernel's checksum yet
      org.awaitility.Awaitility.await().atMost(state.timeout()).pollInterval(java.time.Duration.ofMillis(20)).until(() -> {
        corruptedAndDropped[0] = state.lab().wire().counters(lab.into(host)).corrupted();
        corruptedAndDropped[1] = lab.host(host).kernelCounters().get(key);
        return corruptedAndDropped[0] > 0 && corruptedAndDropped[0] == corruptedAndDropped[1];
      });
    } catch (org.awaitility.core.ConditionTimeoutException differ) {
      // reported below, with both numbers
    }
    long corrupted = corruptedAndDropped[0];
    long dropped = corruptedAndDropped[1];
    lab.log("wire corrupted " + corrupted + " packets into host " + host + "; its kernel: " + key + " = " + dropped);
    if (corrupted == 0 || dropped != corrupted) {
      throw new ExpectationFailedException("expected host \"" + host + "\"'s kernel to drop each of the " + corrupted
          + " corrupted packets the wire delivered, but " + key + " = " + dropped);
    }
  }

  @Then("the kernel counter {string} of lab host {string} is above {long}")
  public void counterAbove(String key, String host, long floor) {
    long n = awaitCounterAbove(host, key, floor);
    if (n <= floor) {
      throw new ExpectationFailedException("expected " + key + " of host \"" + host + "\" above " + floor
          + ", but it is " + n);
    }
  }

  /** Waits up to the expectation timeout for a counter to pass {@code floor}; returns its last value. */
  private long awaitCounterAbove(String host, String key, long floor) {
    LabHost h = lab.host(host);
    long[] last = {h.kernelCounters().get(key)};
    try {
      org.awaitility.Awaitility.await().atMost(state.timeout()).pollInterval(java.time.Duration.ofMillis(20))
          .until(() -> (last[0] = h.kernelCounters().get(key)) > floor);
    } catch (org.awaitility.core.ConditionTimeoutException stillNot) {
      // reported by the caller, with the value
    }
    lab.log("kernel of host " + host + ": " + key + " = " + last[0]);
    return last[0];
  }
}
