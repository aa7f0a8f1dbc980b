package io.netharness.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class FailedScenariosTest {
  @TempDir Path reports;

  @Test
  void describesEachFailedScenarioWithItsStepAndMessageButNoStackTrace() throws Exception {
    Path junit = reports.resolve("junit.xml");
    // the shape Cucumber's JUnit XML formatter writes
    Files.writeString(junit, """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="Cucumber" tests="2" skipped="0" failures="1" errors="0">
        <testcase classname="Encodings" name="UTF-8 both ways" time="0.1">
        <system-out><![CDATA[
        Given a TCP server "srv"....................................................passed
        ]]></system-out>
        </testcase>
        <testcase classname="Encodings" name="GBK against UTF-8" time="0.1">
        <failure type="io.netharness.ExpectationFailedException" message="expected &quot;哈哈&quot;, but different bytes arrived.
        00000000  b9 fe b9 fe">
        <![CDATA[io.netharness.ExpectationFailedException: expected "哈哈", but different bytes arrived.
        00000000  b9 fe b9 fe
        \tat io.netharness.Inbound.expect(Inbound.java:93)
        \tat ✽."srv" receives "哈哈" from "alice"(file:///tmp/demo.feature:14)
        ]]>
        </failure>
        <system-out><![CDATA[
        Given a TCP server "srv"....................................................passed
        Then "srv" receives "哈哈" from "alice".......................................failed
        ]]></system-out>
        </testcase>
        </testsuite>
        """);

    FailedScenarios failed = FailedScenarios.read(junit);

    assertThat(failed.total()).isEqualTo(2);
    assertThat(failed.describe()).isEqualTo("""
        1 of 2 scenarios failed:

          Encodings › GBK against UTF-8
            Step Then "srv" receives "哈哈" from "alice" failed: ExpectationFailedException: expected "哈哈", but different bytes arrived.
            00000000  b9 fe b9 fe""");
  }

  @Test
  void anUndefinedStepSaysSoAndHowToFixIt() throws Exception {
    Path junit = reports.resolve("junit.xml");
    // Cucumber writes an empty <failure/> for a scenario with an undefined step
    Files.writeString(junit, """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="Cucumber" tests="1" skipped="0" failures="1" errors="0">
        <testcase classname="Undefined" name="a step nobody wrote" time="0.7">
        <failure/>
        <system-out><![CDATA[
        Given a TCP server "srv"....................................................passed
        And the moon is full........................................................undefined
        ]]></system-out>
        </testcase>
        </testsuite>
        """);

    assertThat(FailedScenarios.read(junit).describe()).isEqualTo("""
        1 of 1 scenarios failed:

          Undefined › a step nobody wrote
            Step And the moon is full is undefined: no step definition matches it; check its wording against the\
         step library (docs/steps.md) or add a definition in a <glue> package""");
  }
}
