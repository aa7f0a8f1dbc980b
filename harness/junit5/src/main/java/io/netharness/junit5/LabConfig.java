package io.netharness.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link NetHarnessExtension} builds the packet lab it injects as a {@code Lab} parameter (module
 * {@code netharness-lab}, an optional dependency: add it to your build to use the lab). On the test method, or on
 * the class for all its tests; the method's wins. Without it a lab gets seed 0 and no capture.
 *
 * <pre>{@code
 * @NetHarnessTest
 * class LossTest {
 *   @Test
 *   @LabConfig(seed = 42, capture = true)
 *   void tcpSurvivesLoss(Lab lab) {
 *     lab.wire().impair(Direction.A_TO_B, Impairment.none().withLoss(0.2));
 *     ...
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface LabConfig {
  /** The seed of every fate the wire decides. */
  long seed() default 0;

  /**
   * Writes every packet to {@code target/netharness/lab/<TestClass>.<method>.pcap} (and what the wire did to each
   * to a {@code .fates.txt} file beside it); a repeated or parameterized test's invocation n to
   * {@code <TestClass>.<method>-n.pcap}, a {@code @BeforeAll} method's lab to {@code <TestClass>.pcap}.
   */
  boolean capture() default false;
}
