package io.netharness.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.lab.internal.RateLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RateLimiterTest {
  private static final long MS = 1_000_000;

  @Test
  void aLinkAtRestSendsOnePacketAtOnceAndTheNextAfterItsTransmissionTime() {
    RateLimiter link = new RateLimiter();
    assertThat(link.admit(0, 1500, 1_000_000, 10)).isZero(); // the bucket holds one full packet
    assertThat(link.admit(0, 1500, 1_000_000, 10)).isEqualTo(12 * MS); // 12,000 bits at 1 Mbit/s
    assertThat(link.admit(0, 1500, 1_000_000, 10)).isEqualTo(24 * MS);
  }

  @Test
  void anIdleLinkRefillsItsBucketButNoMoreThanOnePacket() {
    RateLimiter link = new RateLimiter();
    link.admit(0, 1500, 1_000_000, 10);
    assertThat(link.admit(1000 * MS, 1500, 1_000_000, 10)).isEqualTo(1000 * MS);
    assertThat(link.admit(1000 * MS, 1500, 1_000_000, 10)).isEqualTo(1012 * MS);
  }

  @Test
  void aFastLinkIdleForLongStillSendsAtOnce() {
    // idle nanoseconds × bits per second passes Long.MAX_VALUE here (10 s at 1 Gbit/s): the refill must not wrap
    RateLimiter link = new RateLimiter();
    link.admit(0, 1500, 1_000_000_000, 10);
    assertThat(link.admit(10_000 * MS, 1500, 1_000_000_000, 10)).isEqualTo(10_000 * MS);
    assertThat(link.admit(10_000 * MS, 1500, 1_000_000_000, 10)).isEqualTo(10_000 * MS + 12_000); // 12 µs later
  }

  @Test
  void aFullQueueDropsAndFreesAsPacketsLeave() {
    RateLimiter link = new RateLimiter();
    for (int i = 0; i < 4; i++) { // the first leaves at once, three wait
      assertThat(link.admit(0, 1500, 1_000_000, 3)).isNotEqualTo(RateLimiter.QUEUE_FULL);
    }
    assertThat(link.queued(0)).isEqualTo(3);
    assertThat(link.admit(0, 1500, 1_000_000, 3)).isEqualTo(RateLimiter.QUEUE_FULL);
    assertThat(link.admit(MS, 1500, 1_000_000, 3)).isEqualTo(RateLimiter.QUEUE_FULL);
    assertThat(link.admit(12 * MS, 100, 1_000_000, 3)).isEqualTo(36 * MS + 800_000); // one left at 12 ms
  }

  @Test
  void aSteadyStreamLeavesAtTheRate() {
    RateLimiter link = new RateLimiter();
    long last = 0;
    for (int i = 0; i < 1000; i++) {
      last = link.admit(0, 1250, 10_000_000, 10_000); // 10,000 bits each at 10 Mbit/s: 1 ms
    }
    assertThat(last).isBetween(998 * MS, 999 * MS + 1);
  }
}
