/**
 * One class per toxic, named like Toxiproxy's type: {@code Latency} ↔ "latency", {@code LimitData}
 * ↔ "limit_data". {@link io.netharness.proxy.toxics.Toxics} lists them all.
 *
 * <pre>{@code
 * proxy.add(Direction.DOWNSTREAM, Toxics.bandwidth(64));   // 64 KB/s
 * }</pre>
 */
@NullMarked
package io.netharness.proxy.toxics;

import org.jspecify.annotations.NullMarked;
