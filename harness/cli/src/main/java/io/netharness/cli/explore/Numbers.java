package io.netharness.cli.explore;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting that does not depend on the default locale. */
final class Numbers {
  private Numbers() {}

  /** Shortest plain form: 0.1, 50, 0.125 (never 1.0E-4). */
  static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
