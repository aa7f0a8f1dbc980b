package io.netharness.kotlin

import io.netharness.lab.Direction
import io.netharness.lab.Lab
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout

// docs/kotlin.md shows the first test: keep the two in step.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabKotlinTest {
    @BeforeEach
    fun needsTheLab() {
        val reason = Lab.unavailableReason().orElse(null)
        assumeTrue(reason == null) { "packet lab skipped: $reason" }
    }

    @Test
    fun tcpAcrossTwentyPercentLossArrivesCompleteAndInOrder(): Unit =
        lab(seed = 42) { impair(Direction.A_TO_B) { loss = 0.2 } }.use { lab ->
            val lines = (0 until 500).joinToString("") { "line %04d\n".format(it) }
            val before = lab.a().kernelCounters()

            endpoints {
                val server = tcpServer(on = lab.b())
                val client = tcpClient(server, on = lab.a())
                client.send(lines)
                server.takeConnection().awaitReceivedText(lines, timeout = 20.seconds) // every line, in order
            }

            assertThat(lab.wire().counters(Direction.A_TO_B).dropped()).isPositive()
            assertThat(lab.a().kernelCounters().minus(before).tcpRetransSegs()).isPositive()
        }
}
