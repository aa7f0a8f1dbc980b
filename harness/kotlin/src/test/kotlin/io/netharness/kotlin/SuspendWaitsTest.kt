package io.netharness.kotlin

import io.netharness.ExpectationFailedException
import io.netharness.server.Behaviors
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows

/**
 * runBlocking runs every coroutine of a test on one thread: a wait that blocked it would keep the test's own
 * coroutine from making the connection or sending the datagram the wait is for, and the wait would time out.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SuspendWaitsTest {
    @Test
    fun waitingForAConnectionLeavesTheThreadToTheCodeThatConnects(): Unit = runBlocking {
        tcpServer { behavior(Behaviors.echo()) }.use { server ->
            val connection = async { server.awaitConnection(timeout = 5.seconds) }
            yield()
            assertThat(connection.isCompleted).isFalse()

            tcpClient(server).use { client ->          // on the same thread, while the wait is pending
                client.send("hello")
                connection.await().awaitText("hello")
                client.awaitText("hello")
            }
        }
    }

    @Test
    fun manyWaitsAtOnceShareOneThread(): Unit = runBlocking {
        udpPeer("bob").use { bob ->
            udpPeer("alice").use { alice ->
                val datagrams = (1..20).map { async { bob.awaitDatagram(timeout = 5.seconds).text() } }
                yield()
                assertThat(datagrams.none { it.isCompleted }).isTrue()
                repeat(20) { alice.send(bob, "datagram ${it + 1}") }
                assertThat(datagrams.awaitAll()).hasSize(20).allMatch { it.startsWith("datagram ") }
                    .containsExactlyInAnyOrderElementsOf((1..20).map { "datagram $it" })
            }
        }
    }

    @Test
    fun aTimeoutSaysWhatArrived(): Unit = runBlocking {
        tcpServer { behavior(Behaviors.echo()) }.use { server ->
            tcpClient(server).use { client ->
                client.send("pin")
                val failure = assertThrows<ExpectationFailedException> {
                    runBlocking { client.awaitText("ping", timeout = 300.milliseconds) }
                }
                assertThat(failure.message)
                    .contains("expected \"ping\" (4 bytes as UTF-8) within 300ms, but only 3 bytes arrived")
                    .contains("70 69 6e")
            }
        }
    }

    @Test
    fun differentBytesFailWithTheJavaApisMessage(): Unit = runBlocking {
        tcpServer { behavior(Behaviors.echo()) }.use { server ->
            tcpClient(server).use { client ->
                client.send("pong")
                val failure = assertThrows<ExpectationFailedException> { runBlocking { client.awaitText("ping") } }
                assertThat(failure.message).contains("but different bytes arrived").contains("70 6f 6e 67")
            }
        }
    }

    @Test
    fun noDatagramWithinTheTimeoutIsAFailure(): Unit = runBlocking {
        udpPeer("bob").use { bob ->
            val failure = assertThrows<ExpectationFailedException> {
                runBlocking { bob.awaitDatagram(timeout = 100.milliseconds) }
            }
            assertThat(failure.message).contains("expected a datagram within 100ms, but none arrived")
        }
    }
}
