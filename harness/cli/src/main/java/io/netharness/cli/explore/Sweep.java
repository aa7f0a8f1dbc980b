package io.netharness.cli.explore;

import io.netharness.impairment.Impairment;
import io.netharness.impairment.Impairments;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.toxics.Toxics;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code --sweep} varies, and how one value becomes a TCP toxic and a UDP impairment. */
public enum Sweep {
  /** Probability that a packet is lost: TCP packet_loss (retransmitted, so it only stalls), UDP loss. */
  LOSS("loss", "loss probability", "", 0, 1) {
    @Override
    public Optional<Toxic> toxic(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Toxics.packetLoss(value));
    }

    @Override
    public Optional<Impairment> impairment(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Impairments.loss(value));
    }
  },
  /** One-way delay in milliseconds: TCP latency toxic, UDP delay impairment. */
  LATENCY("latency", "latency", "ms", 0, 60_000) {
    @Override
    public Optional<Toxic> toxic(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Toxics.latency(millis(value)));
    }

    @Override
    public Optional<Impairment> impairment(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Impairments.delay(millis(value)));
    }
  };

  private final String wireName;
  private final String label;
  private final String unit;
  private final double min;
  private final double max;

  Sweep(String wireName, String label, String unit, double min, double max) {
    this.wireName = wireName;
    this.label = label;
    this.unit = unit;
    this.min = min;
    this.max = max;
  }

  /** The toxic added downstream on the TCP proxy at this value; empty means none. */
  public abstract Optional<Toxic> toxic(double value);

  /** The impairment added upstream on the UDP relay at this value; empty means none. */
  public abstract Optional<Impairment> impairment(double value);

  /** As given to {@code --sweep}. */
  public String wireName() {
    return wireName;
  }

  /** Axis label, with the unit if there is one. */
  public String axisLabel() {
    return unit.isEmpty() ? label : label + " (" + unit + ")";
  }

  public String unit() {
    return unit;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public static Optional<Sweep> named(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Sweep::wireName).toList();
  }

  static Duration millis(double value) {
    return Duration.ofNanos(Math.round(value * 1_000_000));
  }
}
