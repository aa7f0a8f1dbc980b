/**
 * {@code netharness explore}: sweeps one impairment, runs a fixed workload over TCP (through a
 * {@link io.netharness.proxy.FaultProxy}) and UDP (through a {@link io.netharness.impairment.UdpRelay})
 * at each point, and writes what it measured as HTML (inline SVG), CSV and JSON.
 */
@NullMarked
package io.netharness.cli.explore;

import org.jspecify.annotations.NullMarked;
