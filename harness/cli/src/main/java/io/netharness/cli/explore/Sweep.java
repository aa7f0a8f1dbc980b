package io.netharness.cli.explore;

import io.netharness.impairment.Impairment;
import io.netharness.impairment.Impairments;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.toxics.Toxics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code --sweep} varies: its unit, valid range and defaults, and what one value does to TCP
 * (a toxic on the {@code FaultProxy}) and to UDP (an impairment on the {@code UdpRelay}). A sweep
 * with no counterpart on one protocol runs only the other, and says why.
 */
public enum Sweep {
  LOSS("loss", "loss probability", "", new Range(0, 1, 0, 0.5), Scale.LINEAR, false,
      "packet_loss toxic (loss_rate = value, retransmit 200 ms): a lost segment is resent, so the stream only stalls",
      "loss impairment (probability = value): a lost datagram is gone", "") {
    @Override
    public Optional<Toxic> toxic(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Toxics.packetLoss(value));
    }

    @Override
    public Optional<Impairment> impairment(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Impairments.loss(value));
    }

    @Override
    public Optional<io.netharness.lab.Impairment> labImpairment(double value) {
      return Optional.of(io.netharness.lab.Impairment.none().withLoss(value));
    }
  },
  LATENCY("latency", "latency", "ms", new Range(0, 60_000, 0, 200), Scale.LINEAR, true,
      "latency toxic (value ms added to every chunk)", "delay impairment (value ms added to every datagram)", "") {
    @Override
    public Optional<Toxic> toxic(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Toxics.latency(millis(value)));
    }

    @Override
    public Optional<Impairment> impairment(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Impairments.delay(millis(value)));
    }

    @Override
    public Optional<io.netharness.lab.Impairment> labImpairment(double value) {
      return Optional.of(io.netharness.lab.Impairment.none().withDelay(millis(value)));
    }
  },
  BANDWIDTH("bandwidth", "bandwidth", "KB/s", new Range(1, 1_000_000, 8, 1024), Scale.LOG, true,
      "bandwidth toxic (rate = value KB/s, KB = 1000 B)",
      "rate impairment (value × 1000 bytes per second; datagrams queue in the relay, none is dropped)", "") {
    @Override
    public Optional<Toxic> toxic(double value) {
      return Optional.of(Toxics.bandwidth(Math.round(value)));
    }

    @Override
    public Optional<Impairment> impairment(double value) {
      return Optional.of(Impairments.bytesPerSecond(Math.round(value) * 1000));
    }

    @Override
    public Optional<io.netharness.lab.Impairment> labImpairment(double value) {
      return Optional.of(io.netharness.lab.Impairment.none().withRate(Math.round(value) * 8000));
    }
  },
  SLICER("slicer", "slice size", "bytes", new Range(1, 1 << 20, 1, 1024), Scale.LOG, true,
      "slicer toxic (average_size = value bytes, size_variation 0, delay 0 µs between slices)", null,
      "UDP is absent: a datagram is never sliced, it arrives whole or not at all.") {
    @Override
    public Optional<Toxic> toxic(double value) {
      return Optional.of(Toxics.slicer((int) Math.round(value), 0, Duration.ZERO));
    }
  },
  DUPLICATE("duplicate", "duplicate probability", "", new Range(0, 1, 0, 0.5), Scale.LINEAR, false, null,
      "duplicate impairment (probability = value): a second copy right behind the datagram",
      "TCP is absent: TCP never hands the application a duplicate, its sequence numbers discard repeated segments.") {
    @Override
    public Optional<Impairment> impairment(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Impairments.duplicate(value));
    }

    @Override
    public Optional<io.netharness.lab.Impairment> labImpairment(double value) {
      return Optional.of(io.netharness.lab.Impairment.none().withDuplicate(value));
    }
  },
  REORDER("reorder", "reorder probability", "", new Range(0, 1, 0, 0.5), Scale.LINEAR, false, null,
      "reorder impairment (probability = value, gap " + Sweep.REORDER_GAP + ": a held datagram goes out after the next "
          + Sweep.REORDER_GAP + ", or after 100 ms)",
      "TCP is absent: TCP hands the application its bytes in the order they were sent, whatever the network does.") {
    @Override
    public Optional<Impairment> impairment(double value) {
      return value == 0 ? Optional.empty() : Optional.of(Impairments.reorder(value, REORDER_GAP));
    }

    @Override
    public Optional<io.netharness.lab.Impairment> labImpairment(double value) {
      return Optional.of(io.netharness.lab.Impairment.none().withReorder(value));
    }
  };

  /** Datagrams that overtake a held one in the reorder sweep. */
  static final int REORDER_GAP = 3;

  private final String wireName;
  private final String label;
  private final String unit;
  private final Range range;
  private final Scale scale;
  private final boolean whole;
  private final @Nullable String tcpEffect;
  private final @Nullable String udpEffect;
  private final String absence;

  Sweep(String wireName, String label, String unit, Range range, Scale scale, boolean whole,
      @Nullable String tcpEffect, @Nullable String udpEffect, String absence) {
    this.wireName = wireName;
    this.label = label;
    this.unit = unit;
    this.range = range;
    this.scale = scale;
    this.whole = whole;
    this.tcpEffect = tcpEffect;
    this.udpEffect = udpEffect;
    this.absence = absence;
  }

  /** The toxic on the TCP proxy at this value; empty means none. */
  public Optional<Toxic> toxic(double value) {
    return Optional.empty();
  }

  /** The impairment on the UDP relay at this value; empty means none. */
  public Optional<Impairment> impairment(double value) {
    return Optional.empty();
  }

  /**
   * What the packet lab's wire does to the impaired direction's packets at this value ({@code --lab}); empty when
   * the wire has no such impairment, and then the sweep does not run in the lab (see {@link #labAbsence()}).
   */
  public Optional<io.netharness.lab.Impairment> labImpairment(double value) {
    return Optional.empty();
  }

  /** "TCP" and "UDP" when the sweep runs across the lab's wire, else none. */
  public List<String> labProtocols() {
    return labImpairment(defaultTo()).isPresent() ? List.of("TCP", "UDP") : List.of();
  }

  /** What a value does to a packet on the lab's wire, for the report; empty when the sweep has no lab run. */
  public Optional<String> labEffect() {
    return Optional.ofNullable(switch (this) {
      case LOSS -> "the wire drops each packet with probability = value (seeded); the kernel's TCP retransmits it"
          + " on its own timers, UDP's datagram is gone";
      case LATENCY -> "the wire holds every packet value ms";
      case DUPLICATE -> "the wire delivers each packet twice with probability = value; TCP drops the copy, UDP"
          + " hands it to the application";
      case REORDER -> "the wire holds a packet with probability = value and sends it after the next one (or after"
          + " 20 ms); TCP puts the bytes back in order, UDP does not";
      case BANDWIDTH -> "the wire sends at most value × 8,000 bits per second, queueing up to "
          + io.netharness.lab.Impairment.DEFAULT_QUEUE_LIMIT_PACKETS + " packets and dropping the rest; TCP slows"
          + " down to the rate, UDP's extra datagrams are dropped";
      default -> null;
    });
  }

  /** Why {@code --lab} cannot run this sweep, with what to do instead; empty when it can. */
  public String labAbsence() {
    return switch (this) {
      case SLICER -> "--lab has no slicer sweep: the lab's wire carries whole IP packets and the kernel's TCP cuts"
          + " its stream into segments itself; run --sweep slicer without --lab";
      default -> "";
    };
  }

  /** "TCP", "UDP" or both, in that order: the protocols this sweep runs. */
  public List<String> protocols() {
    List<String> protocols = new ArrayList<>();
    if (tcpEffect != null) {
      protocols.add("TCP");
    }
    if (udpEffect != null) {
      protocols.add("UDP");
    }
    return protocols;
  }

  /** What a value does to {@code protocol}, for the report; empty when the sweep does not run it. */
  public Optional<String> effect(String protocol) {
    return Optional.ofNullable(protocol.equals("TCP") ? tcpEffect : udpEffect);
  }

  /** One sentence saying why a protocol is absent; empty when both run. */
  public String absence() {
    return absence;
  }

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
    return range.min();
  }

  public double max() {
    return range.max();
  }

  /** {@code --from} when it is not given. */
  public double defaultFrom() {
    return range.defaultFrom();
  }

  /** {@code --to} when it is not given. */
  public double defaultTo() {
    return range.defaultTo();
  }

  /** {@code --scale} when it is not given. */
  public Scale defaultScale() {
    return scale;
  }

  /** True when only integers make sense (ms, bytes, KB/s): points are rounded and repeats dropped. */
  public boolean whole() {
    return whole;
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

  private record Range(double min, double max, double defaultFrom, double defaultTo) {}
}
