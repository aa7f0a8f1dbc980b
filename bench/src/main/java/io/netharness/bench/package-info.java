/** Loopback benchmarks of the harness against plain JDK sockets; run by {@link io.netharness.bench.Bench}. */
@NullMarked
package io.netharness.bench;

import org.jspecify.annotations.NullMarked;
