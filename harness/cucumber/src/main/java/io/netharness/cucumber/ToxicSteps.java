package io.netharness.cucumber;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.netharness.ExpectationFailedException;
import io.netharness.HarnessException;
import io.netharness.proxy.Direction;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.toxics.Toxics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Steps that add and remove toxics, in Toxiproxy's vocabulary. Each adds a toxic named
 * {@code <type>_<direction>} (as Toxiproxy does) unless the step names it; it applies to open
 * connections at once.
 *
 * <pre>{@code
 * When proxy "db-proxy" adds 200 ms latency downstream
 * When proxy "db-proxy" limits bandwidth to 64 KB/s downstream
 * When proxy "db-proxy" removes the toxic "latency_downstream"
 * }</pre>
 */
public final class ToxicSteps {
  private final HarnessState state;

  public ToxicSteps(HarnessState state) {
    this.state = state;
  }

  @When("proxy {string} adds {duration} latency {direction}")
  public void latency(String proxy, Duration latency, Direction direction) {
    add(proxy, direction, Toxics.latency(latency));
  }

  @When("proxy {string} adds {duration} latency with {duration} jitter {direction}")
  public void latencyWithJitter(String proxy, Duration latency, Duration jitter, Direction direction) {
    add(proxy, direction, Toxics.latency(latency).withJitter(jitter));
  }

  @When("proxy {string} limits bandwidth to {long} KB\\/s {direction}")
  public void bandwidth(String proxy, long rate, Direction direction) {
    add(proxy, direction, Toxics.bandwidth(rate));
  }

  @When("proxy {string} slices {direction} data into pieces of about {int} bytes")
  public void slicer(String proxy, Direction direction, int averageSize) {
    // 1 ms between pieces, so the receiver sees them as separate reads even on a busy machine
    add(proxy, direction, Toxics.slicer(averageSize, Math.max(0, averageSize / 2), Duration.ofMillis(1)));
  }

  @When("proxy {string} stalls {direction} data")
  public void stall(String proxy, Direction direction) {
    add(proxy, direction, Toxics.timeout(Duration.ZERO));
  }

  @When("proxy {string} times out {direction} after {duration}")
  public void timeout(String proxy, Direction direction, Duration timeout) {
    if (timeout.isZero()) {
      throw new HarnessException("\"times out after 0 ms\" would stall forever: write \"proxy ... stalls " + direction.wireName() + " data\"");
    }
    add(proxy, direction, Toxics.timeout(timeout));
  }

  @When("proxy {string} resets connections on {direction} data after {duration}")
  public void resetPeer(String proxy, Direction direction, Duration timeout) {
    add(proxy, direction, Toxics.resetPeer(timeout));
  }

  @When("proxy {string} closes connections after {size} {direction}")
  public void limitData(String proxy, Long bytes, Direction direction) {
    add(proxy, direction, Toxics.limitData(bytes));
  }

  @When("proxy {string} delays closing {direction} by {duration}")
  public void slowClose(String proxy, Direction direction, Duration delay) {
    add(proxy, direction, Toxics.slowClose(delay));
  }

  @When("proxy {string} loses {percent} of {direction} packets")
  public void packetLoss(String proxy, Double rate, Direction direction) {
    add(proxy, direction, Toxics.packetLoss(rate));
  }

  @When("proxy {string} cuts connections once {string} has passed {direction}")
  public void cutAfter(String proxy, String pattern, Direction direction) {
    add(proxy, direction, Toxics.after(pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8), Toxics.closeConnection()));
  }

  @When("proxy {string} resets connections once {string} has passed {direction}")
  public void resetAfter(String proxy, String pattern, Direction direction) {
    add(proxy, direction, Toxics.after(pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8), Toxics.resetPeer(Duration.ZERO)));
  }

  @When("proxy {string} adds a {string} toxic {string} {direction} with toxicity {double} and attributes:")
  public void generic(String proxy, String type, String name, Direction direction, double toxicity, Map<String, String> attributes) {
    Map<String, Object> numbers = new LinkedHashMap<>();
    attributes.forEach((key, value) -> {
      try {
        numbers.put(key, Double.parseDouble(value));
      } catch (NumberFormatException e) {
        throw new HarnessException("attribute \"" + key + "\" of toxic \"" + name + "\" must be a number, not \"" + value + "\"");
      }
    });
    state.proxy(proxy).add(name, direction, toxicity, Toxics.fromAttributes(type, numbers));
  }

  @When("proxy {string} removes the toxic {string}")
  public void remove(String proxy, String name) {
    state.proxy(proxy).remove(name);
  }

  @When("proxy {string} removes all toxics")
  public void removeAll(String proxy) {
    state.proxy(proxy).removeAll();
  }

  @Then("the toxic {string} of proxy {string} has acted on traffic")
  public void touched(String name, String proxy) {
    long touched = state.embeddedProxy(proxy, "checking that a toxic acted").touchedBytes(name);
    if (touched <= 0) {
      throw new ExpectationFailedException("the toxic \"" + name + "\" of proxy \"" + proxy
          + "\" has not acted on any traffic: is it on the right direction, and did traffic flow through the proxy?");
    }
  }

  private void add(String proxy, Direction direction, Toxic toxic) {
    String name = toxic.type() + "_" + direction.wireName();
    state.proxy(proxy).add(name, direction, 1.0, toxic);
  }
}
