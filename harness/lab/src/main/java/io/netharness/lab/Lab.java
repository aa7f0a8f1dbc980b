package io.netharness.lab;

import io.netharness.internal.Transports;
import io.netharness.lab.internal.Hosts;
import io.netty.util.concurrent.EventExecutor;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The packet lab: two hosts, {@code a} (10.77.0.1) and {@code b} (10.77.0.2), each its own Linux network
 * namespace, joined only by a {@link Wire} in this JVM that carries every IP packet between their TUN devices
 * and can drop, duplicate, reorder, delay or corrupt it. The kernel's real TCP and UDP run on the hosts, so
 * what a test sees under loss is TCP's own retransmission, not a model of it.
 *
 * <p>Needs Linux, /dev/net/tun and CAP_NET_ADMIN + CAP_SYS_ADMIN over the namespaces it creates: root, or any
 * user in a user namespace of their own ({@code ./netharness} starts its JVM in one; for Maven {@code unshare
 * --map-current-user --keep-caps ./mvnw -B verify}); {@link #unavailableReason()} says why not and how to fix it. Closing the lab ends its threads and removes its devices and namespaces.
 *
 * <pre>{@code
 * try (Lab lab = Lab.builder().seed(7).impair(Direction.A_TO_B, Impairment.none().withLoss(0.2))
 *     .capture(Path.of("target/netharness/loss.pcap")).start()) {
 *   TcpServer server = lab.b().call(() -> TcpServer.builder().host(lab.b().address()).build().start());
 *   try (TcpClient client = lab.a().call(() -> TcpClient.connect(server.address()))) {
 *     client.send(new byte[100_000]);
 *     server.takeConnection(Duration.ofSeconds(5)).awaitReceivedBytes(100_000, Duration.ofSeconds(10));
 *   }
 *   server.close();
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {
  /** Both hosts' MTU unless {@link Builder#mtu(int)} says otherwise: Ethernet's. */
  public static final int DEFAULT_MTU = 1500;
  /** The network both hosts are on. */
  public static final String NETWORK = "10.77.0.0/24";

  private final LabHost a;
  private final LabHost b;
  private final Wire wire;
  private final Hosts hosts;
  private boolean closed;

  private Lab(LabHost a, LabHost b, Wire wire, Hosts hosts) {
    this.a = a;
    this.b = b;
    this.wire = wire;
    this.hosts = hosts;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A lab with a perfect wire, seed 0 and no capture. */
  public static Lab start() {
    return builder().start();
  }

  /** Why the lab cannot run here, with the fix, or empty when it can (the answer is worked out once). */
  public static Optional<String> unavailableReason() {
    return LabSupport.unavailableReason();
  }

  public LabHost a() {
    return a;
  }

  public LabHost b() {
    return b;
  }

  public Wire wire() {
    return wire;
  }

  /** Stops the wire, removes both TUN devices and ends both hosts' threads (and so their namespaces). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      wire.close();
    } finally {
      hosts.close();
    }
  }

  @Override
  public String toString() {
    return "lab " + a + " <-> " + b + ", seed " + wire.seed();
  }

  /** Settings for a lab; {@link #start()} builds it. */
  public static final class Builder {
    private long seed;
    private final Map<Direction, Impairment> impairments = new EnumMap<>(Direction.class);
    private @Nullable Path capture;
    private int mtu = DEFAULT_MTU;

    private Builder() {}

    /** The seed of every fate the wire decides (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** What the wire does to {@code direction}'s packets from the start. */
    public Builder impair(Direction direction, Impairment impairment) {
      impairments.put(direction, impairment);
      return this;
    }

    /** The same impairment for both directions from the start. */
    public Builder impairBoth(Impairment impairment) {
      for (Direction d : Direction.values()) {
        impairments.put(d, impairment);
      }
      return this;
    }

    /**
     * The largest IP packet either host sends, header included (default {@value #DEFAULT_MTU}; 68 to 65535): set
     * on both TUN devices, so TCP's segments shrink to fit and larger UDP datagrams leave in IP fragments.
     */
    public Builder mtu(int bytes) {
      if (bytes < 68 || bytes > 65_535) {
        throw new IllegalArgumentException("an IPv4 MTU is 68 to 65535 bytes, was " + bytes);
      }
      this.mtu = bytes;
      return this;
    }

    /** Writes every packet to this pcap file, and its fate to a {@code .fates.txt} file beside it. */
    public Builder capture(Path pcap) {
      this.capture = pcap;
      return this;
    }

    public Lab start() {
      String reason = LabSupport.platformReason();
      if (reason != null) {
        throw new LabUnavailableException(reason);
      }
      Hosts hosts = Hosts.start(address(1), address(2), mtu);
      try {
        warmEventLoops(); // before any code of the caller's runs on a host
        Wire wire = new Wire(hosts.tunA(), hosts.tunB(), seed, impairments, capture);
        return new Lab(new LabHost("a", address(1), hosts.tunA().name(), hosts.threadA()),
            new LabHost("b", address(2), hosts.tunB().name(), hosts.threadB()), wire, hosts);
      } catch (RuntimeException | Error e) {
        try {
          hosts.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    private static Inet4Address address(int host) {
      try {
        return (Inet4Address) InetAddress.getByAddress(new byte[] {10, 77, 0, (byte) host});
      } catch (UnknownHostException impossible) {
        throw new IllegalStateException(impossible);
      }
    }

    /**
     * Starts every thread of the shared event loop group from here, outside any lab namespace. Netty starts
     * an event loop's thread on its first task, from the thread that submits it, and a new thread inherits
     * its creator's namespace: an event loop born on a lab host's thread would live in that namespace and
     * keep it alive after the lab closed.
     */
    private static void warmEventLoops() {
      for (EventExecutor loop : Transports.group()) {
        loop.submit(() -> { }).syncUninterruptibly();
      }
    }
  }
}
