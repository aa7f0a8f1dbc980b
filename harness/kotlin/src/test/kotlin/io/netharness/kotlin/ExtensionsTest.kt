package io.netharness.kotlin

import io.netharness.ExpectationFailedException
import io.netharness.client.TcpClient
import io.netharness.server.Behaviors
import io.netharness.server.ServerConnection
import io.netharness.server.TcpServer
import io.netharness.udp.RecordedDatagram
import java.nio.charset.Charset
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

/** The extensions against real loopback servers, clients and peers. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExtensionsTest {
    @Test
    fun textGoesOutAsUtf8AndWaitsDefaultToFiveSeconds() {
        tcpServer { behavior(Behaviors.echo()) }.use { server ->
            tcpClient(server).use { client ->
                client.send("你好")
                client.expectText("你好")
                assertThat(client.bytesSent()).isEqualTo(6) // UTF-8: 3 bytes a character
            }
        }
    }

    @Test
    fun aCharsetCanBeNamedWhereTheWireWantsOne() {
        val gbk = Charset.forName("GBK")
        tcpServer().use { server ->
            tcpClient(server).use { client ->
                client.send("哈哈", gbk)
                val connection: ServerConnection = server.takeConnection()
                connection.awaitReceivedText("哈哈", gbk)
                assertThat(connection.receivedBytes()).containsExactly(0xb9, 0xfe, 0xb9, 0xfe)
                assertThat(connection.receivedText()).isNotEqualTo("哈哈") // read as UTF-8 it is garbage
            }
        }
    }

    @Test
    fun kotlinDurationsAreAcceptedWhereJavaTakesJavaTime() {
        tcpServer { onMessage { connection, _ -> connection.send("line one\r\n") } }.use { server ->
            TcpClient.builder().address(server.address()).connectTimeout(1.seconds).sendTimeout(1.seconds).connect()
                .use { client ->
                    client.send("go")
                    assertThat(client.receiveLine(timeout = 2.seconds)).isEqualTo("line one")
                    client.expectNothing(50.milliseconds)
                    assertThat(server.pollConnection(10.milliseconds)).isNotNull()
                    assertThat(server.pollConnection(10.milliseconds)).isNull()
                }
        }
    }

    @Test
    fun aFailedExpectationShowsWhatArrived() {
        tcpServer { behavior(Behaviors.echo()) }.use { server ->
            tcpClient(server).use { client ->
                client.send("pong")
                assertThatThrownBy { client.expectText("ping", timeout = 200.milliseconds) }
                    .isInstanceOf(ExpectationFailedException::class.java)
                    .hasMessageContaining("different bytes arrived")
                    .hasMessageContaining("70 6f 6e 67")
            }
        }
    }

    @Test
    fun useClosesServerAndClientEvenWhenTheBlockFails() {
        lateinit var server: TcpServer
        lateinit var client: TcpClient
        assertThatThrownBy {
            tcpServer().use {
                server = it
                tcpClient(it).use { c ->
                    client = c
                    error("the test failed here")
                }
            }
        }.hasMessage("the test failed here")
        assertThat(client.isOpen).isFalse()
        assertThat(server.isRunning).isFalse()
    }

    @Test
    fun aTrailingLambdaIsTheServersBehavior() {
        tcpServer { onMessage { connection, bytes -> connection.send(String(bytes).uppercase()) } }.use { server ->
            tcpClient(server) { name("alice") }.use { alice ->
                alice.send("shout")
                alice.expectText("SHOUT")
                assertThat(alice.name()).isEqualTo("alice")
            }
            server.awaitConnections(1)
        }
    }

    @Test
    fun udpDatagramsKeepTheirBoundariesAsText() {
        udpPeer("alice").use { alice ->
            udpPeer("bob").use { bob ->
                alice.send(bob, "one")
                alice.send(bob, "two")
                val first: RecordedDatagram = bob.receive()
                assertThat(first.text()).isEqualTo("one")
                bob.expectText("two")
                bob.expectNothing(50.milliseconds)
                assertThat(first.sender()).isEqualTo(alice.address())
            }
        }
    }
}
