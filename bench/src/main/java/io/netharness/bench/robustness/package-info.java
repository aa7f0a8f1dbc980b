/**
 * The fault proxy's robustness suite: API fuzz, descriptor exhaustion, proxy loops, extreme
 * values, toxic churn under checksummed traffic, slicer load; run by {@link io.netharness.bench.robustness.Robustness}
 * (see docs/faults.md), a small part of it by the build's tests.
 */
@NullMarked
package io.netharness.bench.robustness;

import org.jspecify.annotations.NullMarked;
