package io.netharness.kotlin

import io.netharness.lab.ChecksumFix
import io.netharness.lab.Impairment
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import kotlin.time.Duration.Companion.milliseconds

@Timeout(30)
class ImpairmentSpecTest {

    @Test
    fun everyPropertyReachesTheLabsImpairment() {
        val impairment = ImpairmentSpec().apply {
            loss = 0.1
            lossBurst = 3.0
            duplicate = 0.2
            reorder = 0.3
            corrupt = 0.05
            checksumFix = ChecksumFix.RECOMPUTED
            delay = 20.milliseconds
            jitter = 10.milliseconds
            rateBitsPerSecond = 1_000_000
            queueLimitPackets = 5
        }.toImpairment()

        assertThat(impairment).isEqualTo(
            Impairment.none().withBurstLoss(0.1, 3.0).withDuplicate(0.2).withReorder(0.3)
                .withCorruption(0.05, ChecksumFix.RECOMPUTED)
                .withDelay(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(10))
                .withRate(1_000_000, 5),
        )
    }

    @Test
    fun theDefaultsAreTheLabsNone() {
        assertThat(ImpairmentSpec().toImpairment()).isEqualTo(Impairment.none())
    }

    @Test
    fun aBadValueIsRefusedWithTheLabsMessage() {
        assertThatThrownBy { ImpairmentSpec().apply { queueLimitPackets = 0 }.toImpairment() }
            .hasMessageContaining("queueLimitPackets is at least 1")
    }
}
