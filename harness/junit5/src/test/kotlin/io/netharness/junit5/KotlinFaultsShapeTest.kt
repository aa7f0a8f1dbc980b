package io.netharness.junit5

import io.netharness.Endpoint
import io.netharness.client.TcpClient
import io.netharness.impairment.UdpRelay
import io.netharness.proxy.Direction
import io.netharness.proxy.FaultProxy
import io.netharness.proxy.ProxyStats
import io.netharness.proxy.ToxicHandle
import io.netharness.proxy.toxics.Toxics
import io.netharness.server.Behaviors
import io.netharness.server.TcpServer
import io.netharness.udp.UdpPeer
import java.time.Duration
import java.util.concurrent.TimeUnit
import kotlin.text.Charsets.UTF_8
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.toJavaDuration
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

/** The fault API as a Kotlin user writes it: typed results, `use {}` for scoped toxics, lambdas last. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KotlinFaultsShapeTest {
  private val wait: Duration = Duration.ofSeconds(5)

  @Test
  fun aScopedToxicIsRemovedWhenItsUseEnds() {
    TcpServer.builder().behavior(Behaviors.echo()).build().start().use { server ->
      FaultProxy.builder().upstream(server.address()).seed(42).build().start().use { proxy: FaultProxy ->
        val endpoint: Endpoint = proxy
        val port: Int = endpoint.port()
        assertThat(port).isPositive()
        val seed: Long = proxy.seed()
        assertThat(seed).isEqualTo(42L)
        TcpClient.connect(proxy.address()).use { client ->
          proxy.add(Direction.DOWNSTREAM, Toxics.latency(20.milliseconds.toJavaDuration())).use { slow: ToxicHandle ->
            client.sendText("ping", UTF_8)
            client.expectText("ping", UTF_8, wait)
            assertThat(slow.name()).isNotBlank()
          }
          assertThat(proxy.toxics()).isEmpty()
          val stats: ProxyStats = proxy.awaitStats(wait) { it.connectionsAccepted() >= 1 }
          assertThat(stats.connectionsAccepted()).isEqualTo(1)
        }
      }
    }
  }

  @Test
  fun aUdpRelayIsAnEndpointWithASeed() {
    UdpPeer.bind().use { target ->
      UdpRelay.builder().target(target.address()).seed(7).start().use { relay: UdpRelay ->
        val name: String = relay.name()
        val seed: Long = relay.seed()
        assertThat(name).contains(target.address().port.toString())
        assertThat(seed).isEqualTo(7L)
        assertThat(relay.port()).isPositive()
      }
    }
  }
}
