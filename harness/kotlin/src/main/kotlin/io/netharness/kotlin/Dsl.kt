package io.netharness.kotlin

import io.netharness.Endpoint
import io.netharness.client.TcpClient
import io.netharness.server.TcpServer
import io.netharness.udp.UdpPeer
import java.net.InetSocketAddress

/**
 * A started TCP server, configured in a trailing lambda (loopback, a free port, collect unless told otherwise).
 * Close it with `use {}`, or open it inside [endpoints] to have it closed for you.
 *
 * ```kotlin
 * tcpServer { behavior(Behaviors.echo()) }.use { server -> ... }
 * tcpServer { onMessage { connection, bytes -> connection.send(bytes) } }
 * ```
 */
public fun tcpServer(configure: TcpServer.Builder.() -> Unit = {}): TcpServer =
    TcpServer.builder().apply(configure).build().start()

/**
 * A TCP client connected to [server] (or any endpoint that listens, such as a fault proxy).
 *
 * ```kotlin
 * tcpClient(server) { name("alice") }.use { alice -> alice.send("hi") }
 * ```
 */
public fun tcpClient(server: Endpoint, configure: TcpClient.Builder.() -> Unit = {}): TcpClient =
    tcpClient(server.address(), configure)

/**
 * A TCP client connected to [address]: your own service, for instance.
 *
 * ```kotlin
 * tcpClient(InetSocketAddress("127.0.0.1", 7000)).use { it.send("ping") }
 * ```
 */
public fun tcpClient(address: InetSocketAddress, configure: TcpClient.Builder.() -> Unit = {}): TcpClient =
    TcpClient.builder().address(address).apply(configure).connect()

/**
 * A UDP peer bound to 127.0.0.1 on a free port.
 *
 * ```kotlin
 * udpPeer("bob").use { bob -> bob.receive() }
 * ```
 */
public fun udpPeer(name: String = "peer", host: String = "127.0.0.1", port: Int = 0): UdpPeer =
    UdpPeer.bind(name, host, port)

/**
 * Runs [block] and closes everything it opened through the scope, last opened first, also when it throws.
 * Inline, so the block may call the suspend waits when [endpoints] is called from a coroutine.
 *
 * ```kotlin
 * endpoints {
 *     val server = tcpServer { behavior(Behaviors.echo()) }
 *     val client = tcpClient(server)
 *     client.send("ping")
 *     client.expectText("ping")
 * }   // client, then server, closed here
 * ```
 */
public inline fun <R> endpoints(block: EndpointScope.() -> R): R = EndpointScope().use { it.block() }

/**
 * What [endpoints] hands its block: the DSL's factories, each result closed when the block ends.
 *
 * ```kotlin
 * endpoints { val peer = udpPeer(); closing(someOtherAutoCloseable) }
 * ```
 */
public class EndpointScope : AutoCloseable {
    private val opened = ArrayDeque<AutoCloseable>()

    /** Closes [resource] when the block ends; returns it. */
    public fun <T : AutoCloseable> closing(resource: T): T = synchronized(opened) {
        opened.addLast(resource)
        resource
    }

    /** A started server, closed at the end of the block. */
    public fun tcpServer(configure: TcpServer.Builder.() -> Unit = {}): TcpServer =
        closing(io.netharness.kotlin.tcpServer(configure))

    /** A client connected to [server], closed at the end of the block. */
    public fun tcpClient(server: Endpoint, configure: TcpClient.Builder.() -> Unit = {}): TcpClient =
        closing(io.netharness.kotlin.tcpClient(server, configure))

    /** A client connected to [address], closed at the end of the block. */
    public fun tcpClient(address: InetSocketAddress, configure: TcpClient.Builder.() -> Unit = {}): TcpClient =
        closing(io.netharness.kotlin.tcpClient(address, configure))

    /** A bound UDP peer, closed at the end of the block. */
    public fun udpPeer(name: String = "peer", host: String = "127.0.0.1", port: Int = 0): UdpPeer =
        closing(io.netharness.kotlin.udpPeer(name, host, port))

    /** Closes everything, last opened first; the first failure is thrown after all were closed. */
    override fun close() {
        var failure: Throwable? = null
        while (true) {
            val next = synchronized(opened) { opened.removeLastOrNull() } ?: break
            try {
                next.close()
            } catch (e: Exception) {
                failure?.addSuppressed(e) ?: run { failure = e }
            }
        }
        failure?.let { throw it }
    }
}
