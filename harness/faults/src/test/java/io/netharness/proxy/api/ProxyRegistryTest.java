package io.netharness.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.toxics.Toxics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProxyRegistryTest {
  private final ProxyRegistry registry = new ProxyRegistry(42);

  @AfterEach
  void closeAll() {
    registry.close();
  }

  @Test
  void proxiesAreListedInNameOrder() {
    registry.create(ProxySpec.of("b", "", "127.0.0.1:1"));
    registry.create(ProxySpec.of("a", "", "127.0.0.1:1"));
    assertThat(registry.proxies()).extracting(FaultProxy::name).containsExactly("a", "b");
    assertThat(registry.get("a").orElseThrow().listen()).startsWith("127.0.0.1:");
  }

  @Test
  void duplicateNameIs409() {
    registry.create(ProxySpec.of("a", "", "127.0.0.1:1"));
    assertThatThrownBy(() -> registry.create(ProxySpec.of("a", "", "127.0.0.1:1")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessage("proxy already exists");
  }

  @Test
  void deleteClosesTheProxy() {
    FaultProxy a = registry.create(ProxySpec.of("a", "", "127.0.0.1:1"));
    assertThat(registry.delete("a")).isTrue();
    assertThat(registry.delete("a")).isFalse();
    assertThat(a.isRunning()).isFalse();
  }

  @Test
  void resetEnablesEveryProxyAndRemovesEveryToxic() {
    FaultProxy a = registry.create(new ProxySpec("a", "", "127.0.0.1:1", false));
    FaultProxy b = registry.create(ProxySpec.of("b", "", "127.0.0.1:1"));
    b.add(Direction.DOWNSTREAM, Toxics.latency(Duration.ofMillis(10)));
    registry.reset();
    assertThat(a.isRunning()).isTrue();
    assertThat(b.toxics()).isEmpty();
    assertThat(registry.proxies()).hasSize(2);
  }

  @Test
  void populateKeepsIdenticalProxiesAndReplacesChangedOnes() {
    FaultProxy same = registry.create(ProxySpec.of("same", "", "127.0.0.1:1"));
    same.add(Direction.UPSTREAM, Toxics.latency(Duration.ofMillis(10)));
    FaultProxy changed = registry.create(ProxySpec.of("changed", "", "127.0.0.1:1"));

    List<FaultProxy> done = registry.populate(List.of(
        ProxySpec.of("same", same.listen(), "127.0.0.1:1"),
        ProxySpec.of("changed", "", "127.0.0.1:2"),
        new ProxySpec("new", "", "127.0.0.1:3", false)));

    assertThat(done.get(0)).isSameAs(same);
    assertThat(same.toxics()).hasSize(1);
    assertThat(done.get(1)).isNotSameAs(changed);
    assertThat(done.get(1).upstream()).isEqualTo("127.0.0.1:2");
    assertThat(changed.isRunning()).isFalse();
    assertThat(done.get(2).isEnabled()).isFalse();
    assertThat(registry.proxies()).extracting(FaultProxy::name).containsExactly("changed", "new", "same");
  }

  @Test
  void populateMovesAProxyToANewUpstreamOnItsOwnPort() {
    FaultProxy old = registry.create(ProxySpec.of("db", "", "127.0.0.1:1"));
    String port = old.listen();

    List<FaultProxy> done = registry.populate(List.of(ProxySpec.of("db", port, "127.0.0.1:2")));

    assertThat(done.get(0)).isNotSameAs(old);
    assertThat(done.get(0).listen()).isEqualTo(port);
    assertThat(done.get(0).upstream()).isEqualTo("127.0.0.1:2");
    assertThat(done.get(0).isRunning()).isTrue();
    assertThat(old.isRunning()).isFalse();
    assertThat(registry.proxies()).containsExactly(done.get(0));
  }

  @Test
  void closeClosesEveryProxy() {
    FaultProxy a = registry.create(ProxySpec.of("a", "", "127.0.0.1:1"));
    registry.close();
    registry.close();
    assertThat(a.isRunning()).isFalse();
    assertThat(registry.proxies()).isEmpty();
  }
}
