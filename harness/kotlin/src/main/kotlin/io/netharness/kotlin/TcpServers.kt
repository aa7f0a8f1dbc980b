package io.netharness.kotlin

import io.netharness.server.Behavior
import io.netharness.server.ServerConnection
import io.netharness.server.TcpServer
import java.nio.charset.Charset
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/**
 * The next connection not taken before, waiting up to [timeout].
 *
 * ```kotlin
 * val connection: ServerConnection = server.takeConnection()
 * ```
 */
public fun TcpServer.takeConnection(timeout: Duration = DEFAULT_TIMEOUT): ServerConnection =
    takeConnection(timeout.toJavaDuration())

/**
 * The next connection not taken before, or null if none arrives within [timeout].
 *
 * ```kotlin
 * val maybe: ServerConnection? = server.pollConnection(100.milliseconds)
 * ```
 */
public fun TcpServer.pollConnection(timeout: Duration): ServerConnection? = pollConnection(timeout.toJavaDuration())

/**
 * Waits until [count] clients in all have connected.
 *
 * ```kotlin
 * server.awaitConnections(3)
 * ```
 */
public fun TcpServer.awaitConnections(count: Int, timeout: Duration = DEFAULT_TIMEOUT) {
    awaitConnections(count, timeout.toJavaDuration())
}

/**
 * Sends [text] to this client.
 *
 * ```kotlin
 * tcpServer { onMessage { connection, _ -> connection.send("ok\n") } }
 * ```
 */
public fun ServerConnection.send(text: String, charset: Charset = DEFAULT_CHARSET) {
    send(text.toByteArray(charset))
}

/**
 * Everything this client sent so far, decoded.
 *
 * ```kotlin
 * assertThat(connection.receivedText()).isEqualTo("hello")
 * ```
 */
public fun ServerConnection.receivedText(charset: Charset = DEFAULT_CHARSET): String = String(receivedBytes(), charset)

/**
 * Waits until everything this client sent so far is exactly [text].
 *
 * ```kotlin
 * server.takeConnection().awaitReceivedText("hello")
 * ```
 */
public fun ServerConnection.awaitReceivedText(
    text: String,
    charset: Charset = DEFAULT_CHARSET,
    timeout: Duration = DEFAULT_TIMEOUT,
) {
    awaitReceivedText(text, charset, timeout.toJavaDuration())
}

/**
 * The server's [Behavior] as a trailing lambda that gets each read (or frame) of each connection.
 *
 * ```kotlin
 * val shout = tcpServer { onMessage { connection, bytes -> connection.send(String(bytes).uppercase()) } }
 * ```
 */
public fun TcpServer.Builder.onMessage(handler: (connection: ServerConnection, message: ByteArray) -> Unit): TcpServer.Builder =
    behavior(Behavior { connection, message -> handler(connection, message) })
