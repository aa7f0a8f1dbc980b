/**
 * The {@code netharness} command line: thin picocli commands that parse arguments, call the Cucumber runtime
 * with the NetHarness step library, and turn the outcome into an exit code.
 */
@NullMarked
package io.netharness.cli;

import org.jspecify.annotations.NullMarked;
