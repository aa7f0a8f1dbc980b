package io.netharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class InboundBufferTest {
  private final AtomicInteger pauses = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final InboundBuffer buffer = new InboundBuffer(pauses::incrementAndGet, resumes::incrementAndGet);

  @Test
  void takesWholeReadsPartsOfReadsAndAcrossReadsInOrder() {
    buffer.append(new byte[] {1, 2, 3});
    buffer.append(new byte[] {4, 5});
    buffer.append(new byte[] {6, 7, 8, 9});

    assertThat(buffer.take(3)).containsExactly(1, 2, 3); // exactly the first read
    assertThat(buffer.take(1)).containsExactly(4);        // part of a read
    assertThat(buffer.take(3)).containsExactly(5, 6, 7);  // across two reads
    assertThat(buffer.takeChunk()).containsExactly(8, 9); // the rest of a read
    assertThat(buffer.available()).isZero();
    assertThat(buffer.received()).isEqualTo(9);
    assertThat(buffer.chunkCount()).isZero();
  }

  @Test
  void pausesAboveTheHighWaterAndResumesBelowTheLowWaterWhenWholeReadsAreTaken() {
    int read = 1 << 20;
    for (int i = 0; i < 5; i++) {
      buffer.append(new byte[read]);
    }
    assertThat(buffer.paused()).isTrue();
    assertThat(pauses).hasValue(1);

    for (int i = 0; i < 4; i++) {
      assertThat(buffer.take(read)).hasSize(read);
    }
    assertThat(buffer.available()).isEqualTo(read);
    assertThat(buffer.paused()).isTrue(); // 1 MiB left: not below the low water yet
    buffer.take(1);
    assertThat(buffer.paused()).isFalse();
    assertThat(resumes).hasValue(1);
  }
}
