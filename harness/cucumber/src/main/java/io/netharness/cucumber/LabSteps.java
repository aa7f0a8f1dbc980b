package io.netharness.cucumber;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.netharness.HarnessException;
import io.netharness.client.TcpClient;
import io.netharness.lab.Direction;
import io.netharness.lab.Impairment;
import io.netharness.lab.Lab;
import io.netharness.lab.LabHost;
import io.netharness.server.Behaviors;
import io.netharness.server.TcpServer;
import io.netharness.udp.UdpPeer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opentest4j.TestAbortedException;

/**
 * The packet lab (Linux; root or a user namespace), set up: hosts "a" and "b" in their own network namespaces (at an MTU of your
 * choice), a wire between them that loses, duplicates, reorders, delays, rate-limits or corrupts real IP
 * packets, and endpoints on the hosts. Endpoints started on a lab host are ordinary endpoints afterwards: the
 * usual send and receive steps work on them; what the wire and the capture saw is checked by
 * {@link LabCheckSteps}, what the kernels saw by {@link LabKernelSteps}. Scenarios tagged {@code @lab} are
 * skipped, with the reason and the fix, where the lab cannot run.
 *
 * <pre>{@code
 * Given a packet lab with seed 42
 * And the lab wire loses 20% of the packets from host "a"
 * And a TCP server "srv" on lab host "b"
 * And a TCP client "alice" on lab host "a" connected to "srv"
 * When "alice" sends 500 numbered lines
 * Then "srv" receives 500 numbered lines from "alice", complete and in order
 * And the kernel of lab host "a" counted TCP retransmissions
 * }</pre>
 */
public final class LabSteps {
  private final HarnessState state;
  private final LabContext lab;
  private final List<DatagramChannel> silent = new ArrayList<>();

  public LabSteps(HarnessState state) {
    this.state = state;
    this.lab = new LabContext(state);
  }

  @Before(value = "@lab", order = 1)
  public void skipWhereTheLabCannotRun(Scenario scenario) {
    Lab.unavailableReason().ifPresent(reason -> {
      String message = "skipped: the packet lab cannot run here: " + reason;
      scenario.log(message);
      System.out.println("[netharness] " + scenario.getName() + ": " + message);
      throw new TestAbortedException(message);
    });
    state.put("lab.scenario", scenario);
  }

  @Given("a packet lab with seed {long}")
  public void startLab(long seed) {
    Lab.unavailableReason().ifPresent(reason -> {
      throw new TestAbortedException("skipped: the packet lab cannot run here: " + reason);
    });
    state.lab(Lab.builder().seed(seed).capture(lab.capturePath()).start());
  }

  @Given("a packet lab with seed {long} and an MTU of {int} bytes")
  public void startLabWithMtu(long seed, int mtu) {
    Lab.unavailableReason().ifPresent(reason -> {
      throw new TestAbortedException("skipped: the packet lab cannot run here: " + reason);
    });
    state.lab(Lab.builder().seed(seed).mtu(mtu).capture(lab.capturePath()).start());
  }

  @Given("the lab wire {word} {percent} of the packets from host {string}")
  public void impair(String verb, Double p, String host) {
    Direction direction = lab.from(host);
    Impairment now = state.lab().wire().impairment(direction);
    Impairment next = switch (verb.toLowerCase(Locale.ROOT)) {
      case "loses", "drops" -> now.withLoss(p);
      case "duplicates" -> now.withDuplicate(p);
      case "reorders" -> now.withReorder(p);
      case "corrupts" -> now.withCorrupt(p);
      default -> throw new HarnessException("the lab wire loses, duplicates, reorders or corrupts packets, not \""
          + verb + "\" (e.g. 'the lab wire loses 20% of the packets from host \"a\"')");
    };
    state.lab().wire().impair(direction, next);
  }

  @Given("the lab wire corrupts {percent} of the packets from host {string} and recomputes their checksums")
  public void corruptFixed(Double p, String host) {
    Direction direction = lab.from(host);
    state.lab().wire().impair(direction,
        state.lab().wire().impairment(direction).withCorruption(p, io.netharness.lab.ChecksumFix.RECOMPUTED));
  }

  @Given("the lab wire loses {percent} of the packets from host {string} in bursts of {int}")
  public void burstLoss(Double p, String host, int meanBurst) {
    Direction direction = lab.from(host);
    state.lab().wire().impair(direction, state.lab().wire().impairment(direction).withBurstLoss(p, meanBurst));
  }

  @Given("the lab wire delays the packets from host {string} by {duration}")
  public void delay(String host, java.time.Duration delay) {
    Direction direction = lab.from(host);
    state.lab().wire().impair(direction, state.lab().wire().impairment(direction).withDelay(delay));
  }

  @Given("the lab wire delays the packets from host {string} by {duration} with {duration} of jitter")
  public void jitter(String host, java.time.Duration delay, java.time.Duration jitter) {
    Direction direction = lab.from(host);
    state.lab().wire().impair(direction, state.lab().wire().impairment(direction).withDelay(delay, jitter));
  }

  @Given("the lab wire carries {long} kbit\\/s from host {string} with a queue of {int} packets")
  public void rate(long kilobits, String host, int queue) {
    if (kilobits < 1 || queue < 1) {
      throw new HarnessException("the lab wire carries at least 1 kbit/s with a queue of at least 1 packet, not "
          + kilobits + " kbit/s and " + queue + " packets (e.g. 'the lab wire carries 1000 kbit/s from host \"a\" with"
          + " a queue of 5 packets'); for no limit, leave the step out");
    }
    Direction direction = lab.from(host);
    state.lab().wire().impair(direction, state.lab().wire().impairment(direction).withRate(kilobits * 1000, queue));
  }

  @Given("lab host {string} sets {string} to {string}")
  public void sysctl(String host, String name, String value) {
    lab.host(host).sysctl(name, value);
  }

  @Given("a TCP server {string} on lab host {string}")
  public void server(String name, String host) {
    LabHost h = lab.host(host);
    state.addServer(name, h.call(() -> TcpServer.builder().name(name).host(h.address()).build().start()));
  }

  @Given("a TCP echo server {string} on lab host {string}")
  public void echoServer(String name, String host) {
    LabHost h = lab.host(host);
    state.addServer(name, h.call(() -> TcpServer.builder().name(name).host(h.address())
        .behavior(Behaviors.echo()).build().start()));
  }

  @Given("a TCP client {string} on lab host {string} connected to {string}")
  public void client(String name, String host, String target) {
    var address = state.addressOf(target);
    state.addClient(name, lab.host(host).call(() -> TcpClient.builder().name(name).address(address).connect()));
    state.route(name, target);
  }

  @Given("a UDP peer {string} on lab host {string}")
  public void peer(String name, String host) {
    LabHost h = lab.host(host);
    state.addPeer(name, h.call(() -> UdpPeer.bind(name, h.address(), 0)));
  }

  @Given("a UDP socket on lab host {string} port {int} that nobody reads")
  public void silentSocket(String host, int port) {
    LabHost h = lab.host(host);
    silent.add(h.call(() -> DatagramChannel.open().bind(new InetSocketAddress(h.address(), port))));
  }

  @After
  public void closeSilentSockets() throws IOException {
    for (DatagramChannel channel : silent) {
      channel.close();
    }
    silent.clear();
  }
}
