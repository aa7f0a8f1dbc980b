package com.example.udp

import java.net.DatagramPacket
import java.net.DatagramSocket
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.SocketException

/**
 * The service under test: answers each datagram with the same text in upper case, to whoever sent it;
 * `PING` gets `PONG`.
 *
 * ```kotlin
 * UppercaseService.start().use { service -> println("listening on ${service.address}") }
 * ```
 */
class UppercaseService private constructor(private val socket: DatagramSocket) : AutoCloseable {
    val address: InetSocketAddress get() = InetSocketAddress(socket.localAddress, socket.localPort)

    init {
        Thread(::serve, "uppercase-service").apply { isDaemon = true }.start()
    }

    private fun serve() {
        val buffer = ByteArray(65_507)
        while (!socket.isClosed) {
            val request = DatagramPacket(buffer, buffer.size)
            try {
                socket.receive(request)
            } catch (closed: SocketException) {
                return
            }
            val text = String(request.data, request.offset, request.length, Charsets.UTF_8)
            val reply = (if (text == "PING") "PONG" else text.uppercase()).toByteArray(Charsets.UTF_8)
            socket.send(DatagramPacket(reply, reply.size, request.socketAddress))
        }
    }

    override fun close() = socket.close()

    companion object {
        /** Binds 127.0.0.1 on [port] (0: any free port) and starts answering. */
        fun start(port: Int = 0): UppercaseService =
            UppercaseService(DatagramSocket(InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
    }
}

fun main(args: Array<String>) {
    val service = UppercaseService.start(args.firstOrNull()?.toInt() ?: 9000)
    println("uppercase service on ${service.address}")
    Thread.currentThread().join()
}
