package io.netharness.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs example test classes in a nested JUnit engine, so a test can look at them after JUnit is done. */
final class Examples {
  private static final String ENABLED = "netharness.examples";

  private Examples() {}

  /** Runs {@code example} with extra configuration parameters given as key, value, key, value... */
  static EngineExecutionResults run(Class<?> example, String... configuration) {
    EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
        .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(example))
        .configurationParameter(ENABLED, "true");
    for (int i = 0; i < configuration.length; i += 2) {
      builder.configurationParameter(configuration[i], configuration[i + 1]);
    }
    return builder.execute();
  }

  /** Runs {@code example} and checks that exactly {@code tests} tests ran, and all passed. */
  static void runAndExpectPassing(Class<?> example, int tests) {
    EngineExecutionResults results = run(example);
    assertThat(failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
  }

  /** What failed, container or test, with its exception. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .toList();
  }

  /** Marks an example class: it runs only inside {@link #run}, never on its own in the build or an IDE. */
  @Target(java.lang.annotation.ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(OnlyWhenRunByExamples.class)
  @interface Example {}

  static final class OnlyWhenRunByExamples implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(ENABLED).isPresent()
          ? ConditionEvaluationResult.enabled("run by Examples")
          : ConditionEvaluationResult.disabled("an example, run by another test through Examples.run");
    }
  }
}
