package io.netharness.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.HarnessException;
import io.netharness.proxy.toxics.Toxics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The toxic collection on its own: order, names, toxicity and updates, with no connection open. */
class ToxicChainTest {
  private final ToxicChain chain = new ToxicChain("db", 42, new OpenConnections());

  @Test
  void toxicsApplyUpstreamFirstThenDownstreamEachInInsertionOrder() {
    chain.add("d1", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(5)));
    chain.add("u1", Direction.UPSTREAM, 1.0, Toxics.slicer(4, 0, Duration.ZERO));
    chain.add("d2", Direction.DOWNSTREAM, 0.5, Toxics.bandwidth(100));
    chain.add("u2", Direction.UPSTREAM, 1.0, Toxics.latency(Duration.ofMillis(1)));

    assertThat(chain.ordered()).extracting(ToxicAttachment::name).containsExactly("u1", "u2", "d1", "d2");
    assertThat(chain.lastSerial()).isEqualTo(4);
  }

  @Test
  void aSecondToxicWithTheSameNameIsRefusedAndTheFirstStays() {
    chain.add("slow", Direction.DOWNSTREAM, 1.0, Toxics.latency(Duration.ofMillis(5)));

    assertThatThrownBy(() -> chain.add("slow", Direction.UPSTREAM, 1.0, Toxics.bandwidth(1)))
        .isInstanceOf(HarnessException.class)
        .hasMessage("toxic already exists: proxy \"db\" has a toxic named \"slow\"; remove it first or choose another name");
    assertThat(chain.find("slow")).get().extracting(ToxicAttachment::direction).isEqualTo(Direction.DOWNSTREAM);
  }

  @Test
  void toxicityOutsideZeroToOneIsRefused() {
    for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> chain.add("t", Direction.UPSTREAM, bad, Toxics.bandwidth(1)))
          .hasMessageStartingWith("toxicity is a probability from 0.0 to 1.0, not ");
    }
    assertThat(chain.ordered()).isEmpty();
  }

  @Test
  void anUpdateKeepsThePlaceAndMustKeepTheType() {
    chain.add("a", Direction.UPSTREAM, 1.0, Toxics.latency(Duration.ofMillis(5)));
    chain.add("b", Direction.UPSTREAM, 1.0, Toxics.bandwidth(10));

    chain.update("a", Toxics.latency(Duration.ofMillis(50)), 0.25);

    assertThat(chain.ordered()).extracting(ToxicAttachment::name).containsExactly("a", "b");
    assertThat(chain.find("a")).get().extracting(ToxicAttachment::toxicity).isEqualTo(0.25);
    assertThatThrownBy(() -> chain.update("a", Toxics.bandwidth(1), 1.0))
        .hasMessage("toxic \"a\" is a latency, not a bandwidth");
  }

  @Test
  void removingAnUnknownToxicNamesTheOnesThereAre() {
    chain.add("a", Direction.UPSTREAM, 1.0, Toxics.bandwidth(10));

    assertThatThrownBy(() -> chain.remove("z"))
        .hasMessage("toxic not found: proxy \"db\" has no toxic \"z\" (it has [a])");
    chain.removeAll();
    assertThat(chain.ordered()).isEmpty();
  }

  @Test
  void theMixOfSeedAndIndexesIsStableAndSpreads() {
    assertThat(ToxicChain.mix(42, 1, 0, 1)).isEqualTo(ToxicChain.mix(42, 1, 0, 1));
    assertThat(ToxicChain.mix(42, 1, 0, 1)).isNotEqualTo(ToxicChain.mix(42, 2, 0, 1));
    assertThat(ToxicChain.mix(42, 1, 0, 1)).isNotEqualTo(ToxicChain.mix(43, 1, 0, 1));
  }

  @Test
  void aToxicNameThatCouldNeverBeAddressedIsRefused() {
    assertThatThrownBy(() -> chain.add("\ud800", Direction.UPSTREAM, 1.0, Toxics.bandwidth(1)))
        .hasMessageStartingWith("toxic name is not valid Unicode: a lone surrogate \\ud800 at index 0");
    assertThatThrownBy(() -> chain.add("x".repeat(4097), Direction.UPSTREAM, 1.0, Toxics.bandwidth(1)))
        .hasMessage("toxic name is too long: 4097 bytes of UTF-8; the limit is 4096");
    assertThat(chain.ordered()).isEmpty();
  }

  @Test
  void aProxyNameThatCouldNeverBeAddressedIsRefusedByTheBuilderAsByTheApi() {
    assertThatThrownBy(() -> FaultProxy.builder().name(""))
        .hasMessage("proxy name is empty; give it a name");
    assertThatThrownBy(() -> FaultProxy.builder().name("a\udc00b"))
        .hasMessageStartingWith("proxy name is not valid Unicode: a lone surrogate \\udc00 at index 1");
    assertThat(FaultProxy.builder().name("db-😀").upstream("127.0.0.1:1").build().name()).isEqualTo("db-😀");
  }
}
