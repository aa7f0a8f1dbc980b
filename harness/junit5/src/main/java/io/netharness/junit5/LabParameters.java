package io.netharness.junit5;

import io.netharness.lab.Lab;
import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The packet lab as a parameter. Only this class refers to {@code io.netharness.lab}, and
 * {@link NetHarnessExtension} loads it only for a parameter whose type is named {@code io.netharness.lab.Lab}, so
 * the extension works without the lab's jar on the class path. One lab per extension context: a {@code @BeforeEach}
 * method and its test get the same one, which JUnit closes when the test ends; a {@code @BeforeAll} method's lab
 * lives as long as the class, and its tests get that one.
 */
final class LabParameters {
  static final String LAB_TYPE = "io.netharness.lab.Lab";
  /** Replaced by tests to see the skip on a machine where the lab runs. */
  static Supplier<Optional<String>> availability = () -> Lab.unavailableReason();

  private LabParameters() {}

  static boolean isLab(Class<?> type) {
    return type.getName().equals(LAB_TYPE);
  }

  /**
   * Skips the test (a failed assumption, with the lab's reason and fix) where the lab cannot run and the test or
   * one of its {@code @BeforeEach} methods takes a lab; for the class context, the whole class when a
   * {@code @BeforeAll} method takes one. Called before those methods run: a skip thrown while JUnit resolves a
   * parameter would count as a failure.
   */
  static void skipWhereTheLabCannotRun(ExtensionContext context) {
    if (!needsLab(context)) {
      return;
    }
    String reason = availability.get().orElse(null);
    Assumptions.assumeTrue(reason == null, () -> "packet lab skipped: " + reason);
  }

  static Lab resolve(ExtensionContext context) {
    // get() looks in the enclosing contexts' stores too: a lab a @BeforeAll method took is the class's lab
    ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.create(LabParameters.class));
    return store.getOrComputeIfAbsent(Lab.class, key -> start(context), Lab.class);
  }

  private static Lab start(ExtensionContext context) {
    String reason = availability.get().orElse(null);
    if (reason != null) { // skipWhereTheLabCannotRun came first, unless the lab is asked for where it does not look
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("packet lab unavailable: " + reason
          + " (a Lab parameter is skipped only on a test, a @BeforeEach or a @BeforeAll method)");
    }
    LabConfig config = context.getTestMethod().map(m -> m.getAnnotation(LabConfig.class))
        .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, LabConfig.class)))
        .orElse(null);
    Lab.Builder builder = Lab.builder().seed(config == null ? 0 : config.seed());
    if (config != null && config.capture()) {
      // a repeated or parameterized test's invocations each get their own file: Class.method-2.pcap
      java.util.regex.Matcher invocation = java.util.regex.Pattern.compile("#(\\d+)]$").matcher(context.getUniqueId());
      String name = context.getRequiredTestClass().getSimpleName()
          + context.getTestMethod().map(m -> "." + m.getName()).orElse("")
          + (invocation.find() ? "-" + invocation.group(1) : "");
      builder.capture(Path.of("target", "netharness", "lab", name + ".pcap"));
    }
    return builder.start();
  }

  /** For a test: it or a {@code @BeforeEach} method takes a lab; for a class: a {@code @BeforeAll} method does. */
  private static boolean needsLab(ExtensionContext context) {
    if (context.getTestMethod().map(LabParameters::takesLab).orElse(false)) {
      return true;
    }
    Class<? extends Annotation> before = context.getTestMethod().isPresent() ? BeforeEach.class : BeforeAll.class;
    return context.getTestClass().map(type -> !ReflectionSupport.findMethods(type,
        m -> m.isAnnotationPresent(before) && takesLab(m), HierarchyTraversalMode.TOP_DOWN).isEmpty())
        .orElse(false);
  }

  private static boolean takesLab(Executable executable) {
    return Arrays.stream(executable.getParameters()).map(Parameter::getType).anyMatch(LabParameters::isLab);
  }
}
