package io.netharness.kotlin

import io.netharness.Endpoint
import io.netharness.client.TcpClient
import io.netharness.lab.ChecksumFix
import io.netharness.lab.Direction
import io.netharness.lab.Impairment
import io.netharness.lab.Lab
import io.netharness.lab.LabHost
import io.netharness.server.TcpServer
import io.netharness.udp.UdpPeer
import java.nio.file.Path
import kotlin.time.Duration
import kotlin.time.toJavaDuration

// The packet lab for Kotlin (module netharness-lab, an optional dependency of this one: add it to use these).
// Everything lab-related lives in this file, so nothing else here loads a lab class.

/**
 * A started packet lab: hosts `a` (10.77.0.1) and `b` (10.77.0.2), each its own network namespace, joined by a wire
 * in this JVM that applies the impairments set in [configure], seeded with [seed]. Needs Linux, and root or a user
 * namespace: `Lab.unavailableReason()` says why not. Close it with `use {}`.
 *
 * ```kotlin
 * lab(seed = 42) { impair(Direction.A_TO_B) { loss = 0.2 } }.use { lab ->
 *     endpoints {
 *         val server = tcpServer(on = lab.b())
 *         val client = tcpClient(server, on = lab.a())
 *         client.send("hello")
 *         server.takeConnection().awaitReceivedText("hello", Charsets.UTF_8, java.time.Duration.ofSeconds(10))
 *     }
 * }
 * ```
 */
public fun lab(seed: Long = 0, capture: Path? = null, configure: LabSpec.() -> Unit = {}): Lab {
    val builder = Lab.builder().seed(seed)
    capture?.let { builder.capture(it) }
    LabSpec(builder).configure()
    return builder.start()
}

/**
 * What [lab]'s block configures: the wire's impairment per direction.
 *
 * ```kotlin
 * lab { impair(Direction.B_TO_A) { duplicate = 0.2 }; impairBoth { delay = 5.milliseconds } }
 * ```
 */
public class LabSpec internal constructor(private val builder: Lab.Builder) {
    /** The MTU of both hosts' devices, in bytes (the lab's default: 1500). */
    public var mtu: Int? = null
        set(value) {
            field = value
            value?.let { builder.mtu(it) }
        }

    /** What the wire does to [direction]'s packets from the start. */
    public fun impair(direction: Direction, configure: ImpairmentSpec.() -> Unit) {
        builder.impair(direction, ImpairmentSpec().apply(configure).toImpairment())
    }

    /** The same impairment for both directions. */
    public fun impairBoth(configure: ImpairmentSpec.() -> Unit) {
        builder.impairBoth(ImpairmentSpec().apply(configure).toImpairment())
    }
}

/**
 * One direction's [Impairment] as properties; each probability is 0.0 to 1.0, drawn per packet from the lab's seed.
 *
 * ```kotlin
 * impair(Direction.A_TO_B) { loss = 0.2; lossBurst = 3.0; delay = 10.milliseconds }
 * impair(Direction.B_TO_A) { delay = 20.milliseconds; jitter = 10.milliseconds; rateBitsPerSecond = 1_000_000; queueLimitPackets = 5 }
 * impairBoth { corrupt = 0.05; checksumFix = ChecksumFix.RECOMPUTED }
 * ```
 */
public class ImpairmentSpec {
    /** The share of packets dropped. */
    public var loss: Double = 0.0

    /** Mean length of a burst of losses; 1.0 (the default) loses packets independently. */
    public var lossBurst: Double = 1.0

    /** The share of packets delivered twice. */
    public var duplicate: Double = 0.0

    /** The share of packets held and delivered after the next one. */
    public var reorder: Double = 0.0

    /** The share of packets with one byte inverted; what happens to their checksum is [checksumFix]. */
    public var corrupt: Double = 0.0

    /** [ChecksumFix.LEFT_BROKEN] (the default: the receiving kernel drops the packet) or [ChecksumFix.RECOMPUTED]. */
    public var checksumFix: ChecksumFix = ChecksumFix.LEFT_BROKEN

    /** How long every packet is held. */
    public var delay: Duration = Duration.ZERO

    /** Each packet's delay varies by up to this much either way, drawn per packet (order is kept). */
    public var jitter: Duration = Duration.ZERO

    /** At most this many bits per second leave the wire in this direction; 0 (the default) sets no limit. */
    public var rateBitsPerSecond: Long = 0

    /** Packets that may wait for the rate limit; one more is dropped and counted as a queue drop. */
    public var queueLimitPackets: Int = Impairment.DEFAULT_QUEUE_LIMIT_PACKETS

    /** The lab's [Impairment] with these settings. */
    public fun toImpairment(): Impairment {
        val base = Impairment.none().withDuplicate(duplicate).withReorder(reorder).withCorruption(corrupt, checksumFix)
            .withDelay(delay.toJavaDuration(), jitter.toJavaDuration())
            .withRate(rateBitsPerSecond, queueLimitPackets)
        return if (lossBurst > 1.0) base.withBurstLoss(loss, lossBurst) else base.withLoss(loss)
    }
}

/**
 * Runs [block] on this host, inside its network namespace: the sockets it opens belong to the host.
 *
 * ```kotlin
 * val peer = lab.b().onHost { UdpPeer.bind("rx", lab.b().address(), 9000) }
 * ```
 */
public fun <T : Any> LabHost.onHost(block: () -> T): T = call { block() }

/**
 * A started TCP server on this host, bound to its address (10.77.0.x) on a free port; close it yourself, or use
 * `tcpServer(on = host)` inside [endpoints].
 *
 * ```kotlin
 * lab.b().tcpServer { behavior(Behaviors.echo()) }.use { server -> ... }
 * ```
 */
public fun LabHost.tcpServer(configure: TcpServer.Builder.() -> Unit = {}): TcpServer =
    onHost { TcpServer.builder().host(address()).apply(configure).build().start() }

/**
 * A TCP client on this host, connected to [server] (typically a server on the other host).
 *
 * ```kotlin
 * lab.a().tcpClient(server).use { it.send("hi") }
 * ```
 */
public fun LabHost.tcpClient(server: Endpoint, configure: TcpClient.Builder.() -> Unit = {}): TcpClient =
    onHost { TcpClient.builder().address(server.address()).apply(configure).connect() }

/**
 * A UDP peer on this host, bound to its address.
 *
 * ```kotlin
 * lab.a().udpPeer("tx").use { it.sendTo(receiver.address(), "hi".toByteArray()) }
 * ```
 */
public fun LabHost.udpPeer(name: String = "peer", port: Int = 0): UdpPeer =
    onHost { UdpPeer.bind(name, address(), port) }

/**
 * A started TCP server on lab host [on], closed at the end of the [endpoints] block.
 *
 * ```kotlin
 * endpoints { val server = tcpServer(on = lab.b()) { behavior(Behaviors.echo()) } }
 * ```
 */
public fun EndpointScope.tcpServer(on: LabHost, configure: TcpServer.Builder.() -> Unit = {}): TcpServer =
    closing(on.tcpServer(configure))

/**
 * A TCP client on lab host [on] connected to [server], closed at the end of the [endpoints] block.
 *
 * ```kotlin
 * endpoints { val client = tcpClient(server, on = lab.a()) }
 * ```
 */
public fun EndpointScope.tcpClient(server: Endpoint, on: LabHost, configure: TcpClient.Builder.() -> Unit = {}):
    TcpClient = closing(on.tcpClient(server, configure))

/**
 * A UDP peer on lab host [on], closed at the end of the [endpoints] block.
 *
 * ```kotlin
 * endpoints { val rx = udpPeer("rx", on = lab.b()) }
 * ```
 */
public fun EndpointScope.udpPeer(name: String = "peer", on: LabHost, port: Int = 0): UdpPeer =
    closing(on.udpPeer(name, port))
