package io.netharness.junit5

import io.netharness.Framing
import io.netharness.Transcript
import io.netharness.TranscriptEvent
import io.netharness.client.TcpClient
import io.netharness.payload.Encodings
import io.netharness.payload.Hex
import io.netharness.payload.HexDump
import io.netharness.payload.Payload
import io.netharness.server.Behavior
import io.netharness.server.Behaviors
import io.netharness.server.CloseReason
import io.netharness.server.ServerConnection
import io.netharness.server.TcpServer
import io.netharness.udp.RecordedDatagram
import io.netharness.udp.UdpPeer
import java.net.InetSocketAddress
import java.nio.charset.Charset
import java.time.Duration
import java.util.concurrent.TimeUnit
import kotlin.text.Charsets.UTF_8
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.toJavaDuration
import org.assertj.core.api.Assertions.assertThat
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

/** The public API as a Kotlin user writes it; JavaApiShapeTest is its twin. */
@NetHarnessTest
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KotlinApiShapeTest(private val injected: TcpServer) {
  @Managed private val udp: UdpPeer = UdpPeer.bind()

  @Test
  fun serverAndClientCloseWithUse() {
    val closed: TcpServer = TcpServer.builder().behavior(Behaviors.echo()).build().start().use { server ->
      TcpClient.connect(server.address()).use { client: TcpClient ->
        client.sendText("ping", UTF_8)
        client.expectText("ping", UTF_8, WAIT)
        val info: io.netharness.TcpInfo? = client.tcpInfo().orElse(null) // null on NIO
        val rtt: Duration? = info?.rtt
        if (rtt != null) assertThat(rtt).isPositive()
      }
      val port: Int = server.port()
      val running: Boolean = server.isRunning
      val endpoint: io.netharness.Endpoint = server
      val named: String = endpoint.name()
      assertThat(named).isNotBlank()
      assertThat(port).isPositive()
      assertThat(running).isTrue()
      server
    }
    assertThat(closed.isRunning).isFalse()
  }

  @Test
  fun trailingLambdaIsABehavior(endpoints: Endpoints) {
    val shout: Behavior = Behavior { conn, message -> conn.send(String(message, UTF_8).uppercase().toByteArray(UTF_8)) }
    val server: TcpServer = endpoints.server(shout)
    val echo: TcpServer = endpoints.server { conn, message -> conn.send(message) }
    val client: TcpClient = endpoints.connect(server)

    client.sendText("hi", UTF_8).expectText("HI", UTF_8, WAIT)
    endpoints.connect(echo).sendText("as is", UTF_8).expectText("as is", UTF_8, WAIT)
  }

  @Test
  fun pollingWithNobodyConnectingGivesNull() {
    val connection: ServerConnection? = injected.pollConnection(Duration.ofMillis(100))

    assertThat(connection).isNull()
    assertThat(connection?.index() ?: 0).isZero()
  }

  @Test
  fun serverConnectionRecordsTheConversation(endpoints: Endpoints) {
    val gbk: Charset = Encodings.charset("GBK")
    val client: TcpClient = endpoints.connect(injected)
    client.send(Payload.text("哈哈", gbk)).close()

    val connection: ServerConnection = injected.takeConnection(WAIT)
    connection.awaitPeerClosed(WAIT)
    connection.awaitClosed(WAIT)
    val remote: InetSocketAddress = connection.remoteAddress()
    val reason: CloseReason = connection.closeReason()
    val transcript: Transcript = connection.transcript()
    val received: List<TranscriptEvent> = transcript.events(TranscriptEvent.Kind.RECEIVED)
    assertThat(remote.port).isEqualTo(client.localAddress().port)
    assertThat(reason).isEqualTo(CloseReason.PEER_CLOSED)
    assertThat(received).isNotEmpty()
    assertThat(connection.receivedBytes()).isEqualTo(Hex.parse("b9 fe b9 fe"))
    assertThat(transcript.render(gbk)).contains("哈哈")
  }

  @Test
  fun staticManagedServerIsSharedAndRunning(endpoints: Endpoints) {
    val client: TcpClient = endpoints.connect(shared)

    client.sendText("shared", UTF_8).expectText("shared", UTF_8, WAIT)
    assertThat(shared.name()).isEqualTo("shared")
  }

  @Test
  fun udpPeersExchangeDatagrams(endpoints: Endpoints) {
    val sender: UdpPeer = endpoints.udp()
    sender.sendTo(udp.address(), Payload.utf8("one")).sendTo(udp.address(), Payload.hex("74 77 6f"))

    val first: RecordedDatagram = udp.receive(WAIT)
    val second: RecordedDatagram = udp.expectDatagram("two".toByteArray(UTF_8), UTF_8, WAIT)
    val none: RecordedDatagram? = udp.poll(50.milliseconds.toJavaDuration())
    assertThat(first.bytes).isEqualTo("one".toByteArray(UTF_8))
    assertThat(first.sender).isEqualTo(sender.address())
    assertThat(second.index).isEqualTo(2)
    assertThat(none).isNull()
    assertThat(udp.port()).isPositive()
  }

  @Test
  fun payloadsKeepTheirBytesAndSayWhereTheyCameFrom() {
    val gbk: Charset = Encodings.charset("GBK")
    val text: Payload = Payload.text("哈哈", gbk)
    val base64: Payload = Payload.base64("aGk=")

    assertThat(text.length()).isEqualTo(4)
    assertThat(text.hex()).isEqualTo("b9feb9fe")
    assertThat(text.description).contains("GBK")
    assertThat(base64.bytes).isEqualTo("hi".toByteArray(UTF_8))
    assertThat(Encodings.decodeLenient(text.bytes, UTF_8)).isNotEqualTo("哈哈")
    assertThat(HexDump.of(text.bytes, gbk)).contains("b9 fe b9 fe").contains("哈哈")
  }

  @Test
  fun framingCutsAStreamIntoMessages(endpoints: Endpoints) {
    val lines: Framing = Framing.lines()
    val server: TcpServer = endpoints.server(TcpServer.builder().framing(lines))
    val client: TcpClient = endpoints.connect(server)
    client.sendText("one\ntw", UTF_8).sendText("o\n", UTF_8)

    val connection: ServerConnection = server.takeConnection(WAIT)
    await().atMost(WAIT).until { connection.messageCount() == 2 }
    assertThat(connection.messages().map { String(it, UTF_8) }).containsExactly("one", "two")
    val prefixed: Framing = Framing.lengthPrefixed(2)
    assertThat(prefixed.encode("ab".toByteArray(UTF_8))).isEqualTo(Hex.parse("00 02 61 62"))
    assertThat(prefixed.split(Hex.parse("00 01 61 00"))).hasSize(1)
    assertThat(prefixed.remainder(Hex.parse("00 01 61 00"))).isEqualTo(1)
  }

  @Test
  fun everyEndpointStartsFromItsBuilderAndTheShortFormsTakeItsCharsetAndTimeout() {
    val gbk: Charset = Encodings.charset("GBK")
    TcpServer.builder().behavior(Behaviors.echo()).start().use { server ->
      TcpClient.builder().address(server.address()).charset(gbk).timeout(WAIT).start().use { client ->
        client.sendText("哈哈\n", gbk)
        val line: String = client.receiveLine()
        assertThat(line).isEqualTo("哈哈")
        client.shutdownOutput().awaitPeerClosed()
      }
    }
    UdpPeer.builder().name("rx").timeout(WAIT).start().use { rx ->
      UdpPeer.builder().start().use { tx -> tx.sendTo(rx.address(), Payload.utf8("hi")) }
      val datagram: RecordedDatagram = rx.expectDatagram("hi")
      assertThat(datagram.index).isEqualTo(1)
      assertThat(rx.name()).isEqualTo("rx")
    }
  }

  companion object {
    private val WAIT: Duration = Duration.ofSeconds(5)

    @JvmField
    @Managed
    val shared: TcpServer = TcpServer.builder().name("shared").behavior(Behaviors.echo()).build()
  }
}
