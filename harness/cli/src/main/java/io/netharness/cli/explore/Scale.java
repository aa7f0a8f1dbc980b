package io.netharness.cli.explore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How {@code --steps} points are spaced from {@code --from} to {@code --to}. */
public enum Scale {
  /** Equal differences: 0, 0.1, 0.2 … */
  LINEAR,
  /** Equal ratios: 1, 4, 16, 64, 256, 1024. Needs a first value above 0. */
  LOG;

  /** As given to {@code --scale}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Scale> named(String name) {
    for (Scale s : values()) {
      if (s.wireName().equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The points, {@code from} and {@code to} included, without repeats; {@code whole} rounds each to
   * an integer first (so 6 log steps from 1 to 4 give 1, 2, 3, 4).
   */
  public List<Double> values(double from, double to, int steps, boolean whole) {
    LinkedHashSet<Double> values = new LinkedHashSet<>();
    for (int i = 0; i < steps; i++) {
      double value = i == steps - 1 ? to : point(from, to, i, steps - 1);
      values.add(whole ? Math.rint(value) : Math.round(value * 1e9) / 1e9);
    }
    return new ArrayList<>(values);
  }

  private double point(double from, double to, int i, int intervals) {
    return this == LINEAR ? from + (to - from) * i / intervals : from * Math.pow(to / from, (double) i / intervals);
  }
}
