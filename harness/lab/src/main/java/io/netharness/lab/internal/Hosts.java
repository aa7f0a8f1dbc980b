package io.netharness.lab.internal;

import io.netharness.HarnessException;
import io.netharness.lab.LabUnavailableException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * The two hosts' namespaces and TUN devices, set up and torn down side by side on their own threads: removing
 * a TUN device waits for the kernel (an RCU grace period, about 25 ms here), so doing both at once halves
 * the lab's teardown.
 */
public final class Hosts implements AutoCloseable {
  private final NamespaceThread threadA;
  private final NamespaceThread threadB;
  private final @Nullable TunDevice tunA;
  private final @Nullable TunDevice tunB;

  private Hosts(NamespaceThread threadA, NamespaceThread threadB, @Nullable TunDevice tunA, @Nullable TunDevice tunB) {
    this.threadA = threadA;
    this.threadB = threadB;
    this.tunA = tunA;
    this.tunB = tunB;
  }

  /**
   * Host a at {@code a}, host b at {@code b}, both /24, both devices with this MTU; fails with
   * {@link LabUnavailableException} when not allowed.
   */
  public static Hosts start(Inet4Address a, Inet4Address b, int mtu) {
    NamespaceThread threadA = NamespaceThread.start("netharness-lab-a");
    NamespaceThread threadB = NamespaceThread.start("netharness-lab-b");
    FutureTask<TunDevice> setUpA = threadA.submit(() -> setUp("nha%d", a, mtu));
    FutureTask<TunDevice> setUpB = threadB.submit(() -> setUp("nhb%d", b, mtu));
    TunDevice tunA = null;
    TunDevice tunB = null;
    RuntimeException failure = null;
    try {
      threadA.awaitEntered();
      threadB.awaitEntered();
    } catch (HarnessException e) {
      failure = new LabUnavailableException(e.getMessage());
    }
    try {
      tunA = threadA.await(setUpA);
    } catch (RuntimeException e) {
      failure = failure != null ? failure : e;
    }
    try {
      tunB = threadB.await(setUpB);
    } catch (RuntimeException e) {
      failure = failure != null ? failure : e;
    }
    Hosts hosts = new Hosts(threadA, threadB, tunA, tunB);
    if (failure != null) {
      try {
        hosts.close();
      } catch (RuntimeException suppressed) {
        failure.addSuppressed(suppressed);
      }
      throw failure;
    }
    return hosts;
  }

  private static TunDevice setUp(String pattern, Inet4Address address, int mtu) {
    NetDevices.disableIpv6();
    NetDevices.up("lo");
    TunDevice device = TunDevice.open(pattern);
    try {
      NetDevices.mtu(device.name(), mtu);
      NetDevices.configure(device.name(), address, 24);
    } catch (RuntimeException e) {
      device.close();
      throw e;
    }
    return device;
  }

  public NamespaceThread threadA() {
    return threadA;
  }

  public NamespaceThread threadB() {
    return threadB;
  }

  public TunDevice tunA() {
    return require(tunA);
  }

  public TunDevice tunB() {
    return require(tunB);
  }

  private static TunDevice require(@Nullable TunDevice tun) {
    if (tun == null) {
      throw new IllegalStateException("the host was not set up");
    }
    return tun;
  }

  /** Removes both devices at once, each on its host's thread, then ends both threads and waits for them. */
  @Override
  public void close() {
    List<FutureTask<Object>> removals = new ArrayList<>();
    if (tunA != null) {
      removals.add(closeOn(threadA, tunA));
    }
    if (tunB != null) {
      removals.add(closeOn(threadB, tunB));
    }
    threadA.close(); // runs what is queued (the removal) first
    threadB.close();
    for (FutureTask<Object> removal : removals) {
      if (!removal.isDone() || removal.isCancelled()) {
        throw new IllegalStateException("a lab host's thread ended before removing its device");
      }
    }
  }

  /** Closes a device on its host's thread, whether or not that thread ever got into its namespace. */
  private static FutureTask<Object> closeOn(NamespaceThread thread, TunDevice tun) {
    FutureTask<Object> task = thread.submitAnyway(() -> {
      tun.close();
      return null;
    });
    return task;
  }
}
