package com.example.udp

import io.netharness.kotlin.awaitDatagram
import io.netharness.kotlin.endpoints
import io.netharness.kotlin.expectNothing
import io.netharness.kotlin.expectText
import io.netharness.kotlin.send
import io.netharness.kotlin.text
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UppercaseServiceTest {
    @Test
    fun answersEachDatagramInUpperCase(): Unit = endpoints {
        val service = closing(UppercaseService.start())
        val client = udpPeer("client")

        client.send(service.address, "hello")
        client.expectText("HELLO")
    }

    @Test
    fun pingGetsPongAndNothingElse(): Unit = endpoints {
        val service = closing(UppercaseService.start())
        val client = udpPeer("client")

        client.send(service.address, "PING")
        client.expectText("PONG", timeout = 2.seconds)
        client.expectNothing(100.milliseconds)
    }

    @Test
    fun repliesGoToEachSenderWithoutBlockingTheTestThread(): Unit = runBlocking {
        endpoints {
            val service = closing(UppercaseService.start())
            val clients = (1..5).map { udpPeer("client $it") }

            val replies = clients.map { client -> async { client.awaitDatagram().text() } }
            clients.forEachIndexed { i, client -> client.send(service.address, "client ${i + 1}") }

            assertEquals((1..5).map { "CLIENT $it" }, replies.awaitAll())
        }
    }
}
