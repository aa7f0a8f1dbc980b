package io.netharness.impairment;

import io.netharness.HarnessException;
import java.time.Duration;

/** Parameter checks whose messages name the parameter and the fix. */
final class Checks {
  private Checks() {}

  static double probability(String impairment, String parameter, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new HarnessException(impairment + ": " + parameter + " must be a probability between 0.0 and 1.0, not "
          + value + ": use e.g. 0.2 for 20%");
    }
    return value;
  }

  static Duration nonNegative(String impairment, String parameter, Duration value) {
    if (value.isNegative()) {
      throw new HarnessException(impairment + ": " + parameter + " cannot be negative (" + value
          + "): use Duration.ZERO or a positive duration");
    }
    return value;
  }

  static Duration positive(String impairment, String parameter, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new HarnessException(impairment + ": " + parameter + " must be positive, not " + value
          + ": use e.g. Duration.ofMillis(100)");
    }
    return value;
  }

  static long atLeast(String impairment, String parameter, long value, long min) {
    if (value < min) {
      throw new HarnessException(impairment + ": " + parameter + " must be at least " + min + ", not " + value);
    }
    return value;
  }
}
