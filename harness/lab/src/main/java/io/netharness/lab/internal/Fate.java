package io.netharness.lab.internal;

import java.time.Duration;

/**
 * What the plan decided for one packet: dropped, or delivered (maybe twice, maybe held behind the next packet,
 * maybe with one byte inverted). {@code corruptAt} is a fraction in [0, 1) that picks the byte; {@code delay} is
 * how long the wire holds it (the impairment's delay with this packet's jitter).
 */
public record Fate(long index, boolean dropped, boolean duplicated, boolean reordered, boolean corrupted,
    double corruptAt, Duration delay) {}
