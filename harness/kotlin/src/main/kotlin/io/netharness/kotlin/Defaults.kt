package io.netharness.kotlin

import java.nio.charset.Charset
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/**
 * How long the extensions wait when a call names no timeout: 5 s, as `TcpClient.DEFAULT_TIMEOUT`.
 * Constant on purpose: pass `timeout = 2.seconds` to a call instead of changing a global.
 *
 * ```kotlin
 * client.expectText("pong")                        // waits up to DEFAULT_TIMEOUT
 * client.expectText("pong", timeout = 2.seconds)   // or says how long
 * ```
 */
public val DEFAULT_TIMEOUT: Duration = 5.seconds

/**
 * The charset of text when a call names none: UTF-8. Name another where the wire wants it:
 * `client.send("哈哈", charset("GBK"))`.
 */
public val DEFAULT_CHARSET: Charset = Charsets.UTF_8
