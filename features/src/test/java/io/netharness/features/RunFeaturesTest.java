package io.netharness.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every scenario under features/ with the built-in step library. A new folder of scenarios
 * must be added to {@code @SelectDirectories}; {@code FeatureFoldersSelectedTest} fails until it is.
 * (Selecting "." would also pick up surefire's .txt reports, which Cucumber reads as rerun files.)
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories({"tcp", "encodings", "udp", "faults", "lab"})
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.netharness.cucumber,io.netharness.features")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
    value = "summary, html:target/cucumber/report.html, junit:target/cucumber/junit.xml")
class RunFeaturesTest {}
