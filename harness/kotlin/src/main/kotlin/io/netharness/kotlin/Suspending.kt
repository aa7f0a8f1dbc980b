package io.netharness.kotlin

import io.netharness.ExpectationFailedException
import io.netharness.client.TcpClient
import io.netharness.server.ServerConnection
import io.netharness.server.TcpServer
import io.netharness.udp.RecordedDatagram
import io.netharness.udp.UdpPeer
import java.nio.charset.Charset
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.TimeSource
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext

/*
 * Suspend versions of the blocking waits. Each polls a condition that does not block (a count, the bytes waiting)
 * and suspends with delay() between polls (1 ms, doubling up to 25 ms, as the Java waits poll), so a coroutine test
 * parks no thread while it waits. When the condition holds, the blocking check runs with a zero timeout and returns at
 * once, so the check and its failure message are the Java API's own. The deadline is real time, also under
 * kotlinx-coroutines-test's virtual time: the polling runs on Dispatchers.Default.
 */

private val ZERO: java.time.Duration = java.time.Duration.ZERO
private val MAX_POLL = 25.milliseconds

/**
 * The first non-null result of [attempt] within [timeout], or null; polled without blocking the caller's thread.
 * What [attempt] returns is taken in the same step as it is found, so waiters on one source never both see it.
 */
internal suspend fun <T : Any> takeWithin(timeout: Duration, attempt: () -> T?): T? =
    withContext(Dispatchers.Default) {
        val deadline = TimeSource.Monotonic.markNow() + timeout
        var pause = 1.milliseconds
        while (true) {
            attempt()?.let { return@withContext it }
            if (deadline.hasPassedNow()) return@withContext null
            delay(minOf(pause, -deadline.elapsedNow()).coerceAtLeast(1.milliseconds))
            pause = minOf(pause * 2, MAX_POLL)
        }
        @Suppress("UNREACHABLE_CODE")
        null
    }

/** Whether [condition] became true within [timeout], polled without blocking the thread. */
internal suspend fun pollUntil(timeout: Duration, condition: () -> Boolean): Boolean =
    takeWithin(timeout) { if (condition()) true else null } != null

/**
 * Suspends until the [index]th client (1 = the first) has connected, and returns its connection.
 *
 * ```kotlin
 * runBlocking {
 *     val connection = server.awaitConnection()
 *     connection.awaitText("hello")
 * }
 * ```
 */
public suspend fun TcpServer.awaitConnection(index: Int = 1, timeout: Duration = DEFAULT_TIMEOUT): ServerConnection {
    require(index >= 1) { "index is 1 for the first connection, not $index" }
    if (!pollUntil(timeout) { connectionCount() >= index }) {
        throw ExpectationFailedException(
            "$this: expected connection #$index within $timeout, but ${connectionCount()} arrived",
        )
    }
    return connection(index, ZERO)
}

/**
 * Suspends until the client's next bytes are [text] and consumes them; fails with a hexdump of what arrived.
 *
 * ```kotlin
 * client.send("ping")
 * client.awaitText("pong", timeout = 2.seconds)
 * ```
 */
public suspend fun TcpClient.awaitText(text: String, charset: Charset = DEFAULT_CHARSET, timeout: Duration = DEFAULT_TIMEOUT) {
    val expected = text.toByteArray(charset)
    if (!pollUntil(timeout) { bytesWaiting() >= expected.size || !isOpen }) {
        throw ExpectationFailedException(
            "$this: expected \"$text\" (${expected.size} bytes as ${charset.name()}) within $timeout, but only " +
                "${bytesWaiting()} bytes arrived.\nWhat arrived and was not consumed yet:\n${describeWaiting(charset)}",
        )
    }
    expectText(text, charset, ZERO)
}

/**
 * Suspends until everything this client sent so far is [text].
 *
 * ```kotlin
 * server.awaitConnection().awaitText("hello")
 * ```
 */
public suspend fun ServerConnection.awaitText(text: String, charset: Charset = DEFAULT_CHARSET, timeout: Duration = DEFAULT_TIMEOUT) {
    val expected = text.toByteArray(charset)
    if (!pollUntil(timeout) { bytesReceived() >= expected.size || !isOpen }) {
        throw ExpectationFailedException(
            "$this: expected \"$text\" (${expected.size} bytes as ${charset.name()}) within $timeout, but " +
                "${bytesReceived()} bytes arrived:\n${describe(charset)}",
        )
    }
    awaitReceivedText(text, charset, ZERO)
}

/**
 * Suspends until a datagram is waiting and takes it.
 *
 * ```kotlin
 * val datagram = bob.awaitDatagram()
 * assertThat(datagram.text()).isEqualTo("hello")
 * ```
 */
public suspend fun UdpPeer.awaitDatagram(timeout: Duration = DEFAULT_TIMEOUT): RecordedDatagram =
    // found and taken in one step: many coroutines awaiting one peer each get their own datagram
    takeWithin(timeout) { if (waitingCount() > 0) poll(ZERO) else null }
        ?: throw ExpectationFailedException(
            "$this: expected a datagram within $timeout, but none arrived (${receivedCount()} received before)",
        )
