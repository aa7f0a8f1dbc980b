package io.netharness.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.netharness.proxy.Direction;
import io.netharness.proxy.FaultProxy;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real toxiproxy-java client against the embedded admin API: what it sends, what it reads. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class ToxiproxyClientApiTest {
  private static final String UPSTREAM = "127.0.0.1:1";
  private final AdminServer admin = AdminServer.builder().port(0).build().start();
  private final ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", admin.getPort());

  @AfterEach
  void closeAll() {
    admin.close();
  }

  @Test
  void versionIsToxiproxys() throws IOException {
    assertThat(client.version()).isEqualTo("{\"version\": \"2.12.0\"}");
  }

  @Test
  void proxiesAreListedInNameOrderAndDeleted() throws IOException {
    client.createProxy("charlie", "127.0.0.1:0", UPSTREAM);
    client.createProxy("alpha", "127.0.0.1:0", UPSTREAM);
    Proxy bravo = client.createProxy("bravo", "localhost:0", "doesnotexist.invalid:80");

    assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("alpha", "bravo", "charlie");
    assertThat(bravo.getListen()).isEqualTo("127.0.0.1:" + admin.registry().get("bravo").orElseThrow().address().getPort());
    assertThat(client.getProxy("bravo").getUpstream()).isEqualTo("doesnotexist.invalid:80");

    bravo.delete();
    assertThat(client.getProxyOrNull("bravo")).isNull();
    assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("alpha", "charlie");
    assertThatThrownBy(() -> client.getProxy("bravo")).isInstanceOf(IOException.class).hasMessage("[404] proxy not found");
  }

  @Test
  void duplicateNameFailsWithToxiproxysExactMessage() throws IOException {
    client.createProxy("db", "127.0.0.1:0", UPSTREAM);
    assertThatThrownBy(() -> client.createProxy("db", "127.0.0.1:0", UPSTREAM))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] proxy already exists");
  }

  @Test
  void everyToxicTypeTheClientKnowsIsCreatedListedAndUpdatedByMerge() throws IOException {
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", UPSTREAM);
    Latency latency = proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 100);
    latency.setJitter(15);
    Bandwidth bandwidth = proxy.toxics().bandwidth("bw", ToxicDirection.UPSTREAM, 64);
    bandwidth.setRate(128);
    Slicer slicer = proxy.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 10, 5);
    slicer.setSizeVariation(3);
    slicer.setAverageSize(20);
    SlowClose slowClose = proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 100);
    slowClose.setDelay(200);
    Timeout timeout = proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 1000);
    timeout.setTimeout(2000);
    LimitData limit = proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 10);
    limit.setBytes(20);
    ResetPeer reset = proxy.toxics().resetPeer("rp", ToxicDirection.UPSTREAM, 0);
    reset.setTimeout(50);

    Latency reread = proxy.toxics().get("lat", Latency.class);
    assertThat(reread.getLatency()).isEqualTo(100);
    assertThat(reread.getJitter()).isEqualTo(15);
    assertThat(reread.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
    assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(128);
    Slicer slicerNow = proxy.toxics().get("sl", Slicer.class);
    assertThat(slicerNow.getAverageSize()).isEqualTo(20);
    assertThat(slicerNow.getSizeVariation()).isEqualTo(3);
    assertThat(slicerNow.getDelay()).isEqualTo(5);
    assertThat(proxy.toxics().get("sc", SlowClose.class).getDelay()).isEqualTo(200);
    assertThat(proxy.toxics().get("to", Timeout.class).getTimeout()).isEqualTo(2000);
    assertThat(proxy.toxics().get("ld", LimitData.class).getBytes()).isEqualTo(20);
    assertThat(proxy.toxics().get("rp", ResetPeer.class).getTimeout()).isEqualTo(50);

    // upstream toxics first, then downstream, each in insertion order
    assertThat(proxy.toxics().getAll()).extracting(Toxic::getName).containsExactly("bw", "to", "rp", "lat", "sl", "sc", "ld");

    FaultProxy embedded = admin.registry().get("db").orElseThrow();
    assertThat(embedded.toxic("lat").orElseThrow().toxic().attributes()).containsEntry("latency", 100L).containsEntry("jitter", 15L);
    assertThat(embedded.toxic("bw").orElseThrow().direction()).isEqualTo(Direction.UPSTREAM);
  }

  @Test
  void toxicityIsSetAndReadBack() throws IOException {
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", UPSTREAM);
    Latency latency = proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 100);
    assertThat(latency.getToxicity()).isEqualTo(1.0f);
    latency.setToxicity(0.25f);
    assertThat(proxy.toxics().get("lat").getToxicity()).isEqualTo(0.25f);
    assertThat(proxy.toxics().get("lat", Latency.class).getLatency()).isEqualTo(100);
    assertThat(admin.registry().get("db").orElseThrow().toxic("lat").orElseThrow().toxicity()).isEqualTo(0.25);
  }

  @Test
  void toxicNamesAreUniqueAcrossStreams() throws IOException {
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", UPSTREAM);
    proxy.toxics().latency("slow", ToxicDirection.UPSTREAM, 10);
    assertThatThrownBy(() -> proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] toxic already exists");
  }

  @Test
  void removedToxicIsGone() throws IOException {
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", UPSTREAM);
    proxy.toxics().latency("slow", ToxicDirection.UPSTREAM, 10).remove();
    assertThat(proxy.toxics().getAll()).isEmpty();
    assertThatThrownBy(() -> proxy.toxics().get("slow")).hasMessage("[404] toxic not found");
  }

  @Test
  void disableEnableAndResetAreReflected() throws IOException {
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", UPSTREAM);
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
    proxy.disable();
    assertThat(proxy.isEnabled()).isFalse();
    assertThat(client.getProxy("db").isEnabled()).isFalse();
    assertThat(admin.registry().get("db").orElseThrow().isRunning()).isFalse();
    proxy.enable();
    assertThat(client.getProxy("db").isEnabled()).isTrue();
    proxy.disable();

    client.reset();
    assertThat(proxy.isEnabled()).isTrue();
    assertThat(proxy.toxics().getAll()).isEmpty();
    assertThat(client.getProxies()).hasSize(1);
    assertThat(admin.registry().get("db").orElseThrow().isRunning()).isTrue();
  }

  @Test
  void upstreamAndListenCanBeChanged() throws IOException {
    Proxy proxy = client.createProxy("db", "127.0.0.1:0", UPSTREAM);
    proxy.setUpstream("127.0.0.1:2");
    assertThat(client.getProxy("db").getUpstream()).isEqualTo("127.0.0.1:2");
    String before = proxy.getListen();
    proxy.setListen("127.0.0.1:0");
    String after = client.getProxy("db").getListen();
    assertThat(after).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:0");
    proxy.setListen(after.replace("127.0.0.1", "localhost"));
    assertThat(client.getProxy("db").getListen()).isEqualTo(after);
    assertThat(before).startsWith("127.0.0.1:");
  }
}
