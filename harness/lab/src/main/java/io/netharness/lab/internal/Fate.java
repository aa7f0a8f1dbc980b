package io.netharness.lab.internal;

/**
 * What the plan decided for one packet: dropped, or delivered (maybe twice, maybe held behind the next packet,
 * maybe with one byte inverted). {@code corruptAt} is a fraction in [0, 1) that picks the byte.
 */
public record Fate(long index, boolean dropped, boolean duplicated, boolean reordered, boolean corrupted,
    double corruptAt) {}
