/**
 * The NetHarness Maven plugin: {@code run} and {@code verify} run feature files around the integration-test
 * phase as failsafe runs tests, and {@code proxy-start} / {@code proxy-stop} start and stop an embedded
 * Toxiproxy-compatible server for the integration tests.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.netharness</groupId>
 *   <artifactId>netharness-maven-plugin</artifactId>
 *   <executions>
 *     <execution><goals><goal>run</goal><goal>verify</goal></goals></execution>
 *   </executions>
 * </plugin>
 * }</pre>
 */
@NullMarked
package io.netharness.maven;

import org.jspecify.annotations.NullMarked;
