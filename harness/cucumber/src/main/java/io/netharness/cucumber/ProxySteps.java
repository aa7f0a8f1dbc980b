package io.netharness.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.proxy.ConnectFault;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.ProxyStats;
import java.time.Duration;

/**
 * Steps that put a fault proxy between clients and a server, take it down and up, and fault the
 * connect itself. A proxy is an endpoint: clients connect to it by name. The backend (embedded,
 * a real Toxiproxy, or a Toxiproxy container) comes from configuration, never from the scenario.
 *
 * <pre>{@code
 * Given a TCP echo server "db"
 * And a proxy "db-proxy" in front of "db"
 * And a TCP client "app" connected to "db-proxy"
 * When proxy "db-proxy" goes down
 * }</pre>
 */
public final class ProxySteps {
  private final HarnessState state;

  public ProxySteps(HarnessState state) {
    this.state = state;
  }

  @Given("a proxy {string} in front of {string}")
  public void proxy(String name, String upstream) {
    state.addProxy(name, state.backend().createProxy(name, state.addressOf(upstream)));
  }

  @Given("a proxy {string} in front of {string} with seed {long}")
  public void seededProxy(String name, String upstream, long seed) {
    if (!state.backend().name().equals("embedded")) {
      throw new io.netharness.HarnessException("a seeded proxy needs the embedded backend (Toxiproxy ignores seeds);"
          + " tag the scenario @seeded so it is skipped on \"" + state.backend().name() + "\"");
    }
    state.addProxy(name, FaultProxy.builder().name(name).upstream(state.addressOf(upstream)).seed(seed).build().start());
  }

  @When("proxy {string} goes down")
  public void down(String proxy) {
    state.proxy(proxy).disable();
  }

  @When("proxy {string} comes back up")
  public void up(String proxy) {
    state.proxy(proxy).enable();
  }

  @When("proxy {string} refuses connections")
  public void refuse(String proxy) {
    state.embeddedProxy(proxy, "refusing connections").connectFault(ConnectFault.refuse());
  }

  @When("proxy {string} never answers connection attempts")
  public void blackhole(String proxy) {
    state.embeddedProxy(proxy, "a connect that times out").connectFault(ConnectFault.blackhole());
  }

  @When("proxy {string} opens connections only after {duration}")
  public void slowOpen(String proxy, Duration delay) {
    state.embeddedProxy(proxy, "a slow open").connectFault(ConnectFault.slowOpen(delay));
  }

  @When("proxy {string} accepts connections normally again")
  public void normalConnects(String proxy) {
    state.embeddedProxy(proxy, "connect faults").connectFault(ConnectFault.none());
  }

  @Then("proxy {string} passed {size} {direction}")
  public void passed(String proxy, Long bytes, Direction direction) {
    FaultProxy p = state.embeddedProxy(proxy, "byte counters");
    p.awaitStats(state.timeout(), s -> s.bytesSent(direction) >= bytes);
    if (p.stats().bytesSent(direction) != bytes) {
      throw new ExpectationFailedException("proxy \"" + proxy + "\": expected exactly " + bytes + " bytes "
          + direction.wireName() + ", but " + describe(p.stats()));
    }
  }

  @Then("proxy {string} has accepted {int} connection(s)")
  public void accepted(String proxy, int count) {
    FaultProxy p = state.embeddedProxy(proxy, "connection counters");
    p.awaitStats(state.timeout(), s -> s.connectionsAccepted() >= count);
    if (p.stats().connectionsAccepted() != count) {
      throw new ExpectationFailedException("proxy \"" + proxy + "\": expected exactly " + count + " connections, but "
          + describe(p.stats()));
    }
  }

  private static String describe(ProxyStats s) {
    return s.connectionsAccepted() + " connections, " + s.upstreamBytesSent() + " bytes upstream and "
        + s.downstreamBytesSent() + " downstream passed";
  }
}
