/**
 * The Gherkin step library. Point Cucumber's glue at this package:
 *
 * <pre>{@code
 * @Suite
 * @IncludeEngines("cucumber")
 * @SelectDirectories("features")
 * @ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.netharness.cucumber")
 * class RunFeaturesTest {}
 * }</pre>
 *
 * Then write scenarios such as {@code Given a TCP echo server "srv"} — docs/steps.md lists every
 * step with an example.
 */
@NullMarked
package io.netharness.cucumber;

import org.jspecify.annotations.NullMarked;
