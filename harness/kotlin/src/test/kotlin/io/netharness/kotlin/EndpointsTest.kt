package io.netharness.kotlin

import io.netharness.client.TcpClient
import io.netharness.server.Behaviors
import io.netharness.server.TcpServer
import io.netharness.udp.UdpPeer
import java.util.concurrent.TimeUnit
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EndpointsTest {
    @Test
    fun everythingOpenedInTheBlockIsClosedAfterIt() {
        lateinit var server: TcpServer
        lateinit var client: TcpClient
        lateinit var peer: UdpPeer
        val reply: String = endpoints {
            server = tcpServer { behavior(Behaviors.echo()) }
            client = tcpClient(server)
            peer = udpPeer()
            client.send("ping\n")
            client.receiveLine()
        }
        assertThat(reply).isEqualTo("ping")
        assertThat(client.isOpen).isFalse()
        assertThat(server.isRunning).isFalse()
        assertThatThrownBy { peer.sendTo(server.address(), byteArrayOf(1)) }.isInstanceOf(RuntimeException::class.java)
    }

    @Test
    fun theBlocksFailureIsThrownAfterEverythingWasClosed() {
        lateinit var server: TcpServer
        lateinit var client: TcpClient
        assertThatThrownBy {
            endpoints {
                server = tcpServer()
                client = tcpClient(server)
                error("boom")
            }
        }.hasMessage("boom")
        assertThat(client.isOpen).isFalse()
        assertThat(server.isRunning).isFalse()
    }

    @Test
    fun closesLastOpenedFirst() {
        val closed = mutableListOf<String>()
        endpoints {
            closing(AutoCloseable { closed += "first" })
            closing(AutoCloseable { closed += "second" })
        }
        assertThat(closed).containsExactly("second", "first")
    }
}
