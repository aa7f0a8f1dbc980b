package io.netharness.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** Runs every scenario under features/ with the built-in step library. */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories(".")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.netharness.cucumber")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
    value = "pretty, summary, html:target/cucumber/report.html, junit:target/cucumber/junit.xml")
class RunFeaturesTest {}
