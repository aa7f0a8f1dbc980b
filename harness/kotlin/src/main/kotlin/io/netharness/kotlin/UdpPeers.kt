package io.netharness.kotlin

import io.netharness.Endpoint
import io.netharness.udp.RecordedDatagram
import io.netharness.udp.UdpPeer
import java.net.InetSocketAddress
import java.nio.charset.Charset
import kotlin.time.Duration
import kotlin.time.toJavaDuration

/**
 * Sends [text] as one datagram to [target] (any endpoint: a peer, a relay, your service's address).
 *
 * ```kotlin
 * alice.send(bob, "hello")
 * ```
 */
public fun UdpPeer.send(target: Endpoint, text: String, charset: Charset = DEFAULT_CHARSET): UdpPeer =
    sendTo(target.address(), text.toByteArray(charset))

/**
 * Sends [text] as one datagram to [target]: a service that is not an [Endpoint], such as your own.
 *
 * ```kotlin
 * client.send(InetSocketAddress("127.0.0.1", service.port), "hello")
 * ```
 */
public fun UdpPeer.send(target: InetSocketAddress, text: String, charset: Charset = DEFAULT_CHARSET): UdpPeer =
    sendTo(target, text.toByteArray(charset))

/**
 * Takes the next datagram, waiting up to [timeout].
 *
 * ```kotlin
 * val datagram: RecordedDatagram = bob.receive()
 * ```
 */
public fun UdpPeer.receive(timeout: Duration = DEFAULT_TIMEOUT): RecordedDatagram = receive(timeout.toJavaDuration())

/**
 * Takes the next datagram and checks that it is exactly [text].
 *
 * ```kotlin
 * bob.expectText("hello")
 * ```
 */
public fun UdpPeer.expectText(
    text: String,
    charset: Charset = DEFAULT_CHARSET,
    timeout: Duration = DEFAULT_TIMEOUT,
): RecordedDatagram = expectDatagram(text.toByteArray(charset), charset, timeout.toJavaDuration())

/**
 * Checks that no datagram arrives for the whole [period].
 *
 * ```kotlin
 * bob.expectNothing(100.milliseconds)
 * ```
 */
public fun UdpPeer.expectNothing(period: Duration) {
    expectNothing(period.toJavaDuration())
}

/**
 * The datagram's bytes as text.
 *
 * ```kotlin
 * val text: String = bob.receive().text()
 * ```
 */
public fun RecordedDatagram.text(charset: Charset = DEFAULT_CHARSET): String = String(bytes(), charset)
