package io.netharness.kotlin

import io.netharness.client.TcpClient
import java.nio.charset.Charset
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/**
 * Sends [text] encoded in [charset] (UTF-8 unless named).
 *
 * ```kotlin
 * client.send("ping")
 * client.send("哈哈", charset("GBK"))
 * ```
 */
public fun TcpClient.send(text: String, charset: Charset = DEFAULT_CHARSET): TcpClient = sendText(text, charset)

/**
 * Consumes the bytes of [text] and checks them, waiting up to [timeout]; a failure shows what arrived as a hexdump.
 *
 * ```kotlin
 * client.expectText("pong")
 * client.expectText("收到", timeout = 2.seconds)
 * ```
 */
public fun TcpClient.expectText(text: String, charset: Charset = DEFAULT_CHARSET, timeout: Duration = DEFAULT_TIMEOUT) {
    expectText(text, charset, timeout.toJavaDuration())
}

/**
 * Consumes one line and returns it without its line ending.
 *
 * ```kotlin
 * val greeting: String = client.receiveLine()
 * ```
 */
public fun TcpClient.receiveLine(charset: Charset = DEFAULT_CHARSET, timeout: Duration = DEFAULT_TIMEOUT): String =
    receiveLine(charset, timeout.toJavaDuration())

/**
 * Consumes exactly [count] bytes.
 *
 * ```kotlin
 * val header: ByteArray = client.receiveBytes(4)
 * ```
 */
public fun TcpClient.receiveBytes(count: Int, timeout: Duration = DEFAULT_TIMEOUT): ByteArray =
    receiveBytes(count, timeout.toJavaDuration())

/**
 * Checks that nothing arrives for the whole [period].
 *
 * ```kotlin
 * client.expectNothing(200.milliseconds)
 * ```
 */
public fun TcpClient.expectNothing(period: Duration) {
    expectNothing(period.toJavaDuration())
}

/**
 * Waits until the server closed its side (FIN).
 *
 * ```kotlin
 * client.shutdownOutput().awaitPeerClosed()
 * ```
 */
public fun TcpClient.awaitPeerClosed(timeout: Duration = DEFAULT_TIMEOUT) {
    awaitPeerClosed(timeout.toJavaDuration())
}

/**
 * How long a connection attempt may take.
 *
 * ```kotlin
 * TcpClient.builder().address(server.address()).connectTimeout(1.seconds).connect()
 * ```
 */
public fun TcpClient.Builder.connectTimeout(timeout: Duration): TcpClient.Builder =
    connectTimeout(timeout.toJavaDuration())

/**
 * How long a send may wait for the socket to take the bytes.
 *
 * ```kotlin
 * TcpClient.builder().address(server.address()).sendTimeout(2.seconds).connect()
 * ```
 */
public fun TcpClient.Builder.sendTimeout(timeout: Duration): TcpClient.Builder = sendTimeout(timeout.toJavaDuration())
