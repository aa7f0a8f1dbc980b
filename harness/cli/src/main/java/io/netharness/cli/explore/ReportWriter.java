package io.netharness.cli.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netharness.HarnessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes report.csv, report.json and report.html (self-contained) with the same numbers. */
public final class ReportWriter {
  static final List<String> COLUMNS = List.of("sweep", "value", "protocol", "sent", "delivered", "delivered_percent",
      "duplicates", "out_of_order", "completion_ms", "latency_p50_ms", "latency_p99_ms", "goodput_bytes_per_second", "intact");
  /** Added with {@code --lab}: where the point ran, and what the kernels and the wire counted (empty off the lab). */
  static final List<String> LAB_COLUMNS = List.of("network", "tcp_retrans_segs", "wire_dropped", "wire_duplicated",
      "wire_reordered");

  /** The columns of this run's table: {@link #COLUMNS}, then {@link #LAB_COLUMNS} with {@code --lab}. */
  static List<String> columns(ExploreSettings settings) {
    if (!settings.lab()) {
      return COLUMNS;
    }
    List<String> columns = new ArrayList<>(COLUMNS);
    columns.addAll(LAB_COLUMNS);
    return List.copyOf(columns);
  }

  private ReportWriter() {}

  /** Writes the three files into {@code settings.out()} and returns their paths: HTML, CSV, JSON. */
  public static List<Path> write(ExploreResult result) {
    Path dir = result.settings().out();
    try {
      Files.createDirectories(dir);
      Path html = Files.writeString(dir.resolve("report.html"), HtmlReport.render(result), StandardCharsets.UTF_8);
      Path csv = Files.writeString(dir.resolve("report.csv"), csv(result), StandardCharsets.UTF_8);
      Path json = Files.writeString(dir.resolve("report.json"), json(result), StandardCharsets.UTF_8);
      return List.of(html, csv, json);
    } catch (IOException e) {
      throw new HarnessException("cannot write the report to --report-dir " + dir + ": " + e.getMessage(), e);
    }
  }

  static String csv(ExploreResult result) {
    StringBuilder csv = new StringBuilder(String.join(",", columns(result.settings()))).append('\n');
    for (Map<String, Object> row : rows(result)) {
      List<String> cells = new ArrayList<>();
      row.values().forEach(v -> cells.add(v == null ? "" : String.valueOf(v)));
      csv.append(String.join(",", cells)).append('\n');
    }
    return csv.toString();
  }

  static String json(ExploreResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("parameters", parameters(result.settings()));
    root.put("elapsed_ms", ms(result.elapsed()));
    root.put("points", rows(result));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new HarnessException("cannot write report.json: " + e.getMessage(), e);
    }
  }

  /** Every parameter, in the order the report shows them. */
  static Map<String, Object> parameters(ExploreSettings s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("sweep", s.sweep().wireName());
    p.put("from", s.from());
    p.put("to", s.to());
    p.put("steps", s.steps());
    p.put("scale", s.scale().wireName());
    p.put("values", s.values());
    p.put("unit", s.sweep().unit());
    p.putAll(s.workload().parameters());
    p.put("seed", s.seed());
    p.put("protocols", String.join(", ", s.sweep().protocols()));
    for (String protocol : s.sweep().protocols()) {
      p.put(protocol.toLowerCase(Locale.ROOT) + "_path",
          s.workload().path(protocol, s.sweep().effect(protocol).orElseThrow()));
    }
    if (!s.sweep().absence().isEmpty()) {
      p.put("absent", absence(s));
    }
    if (s.lab()) {
      for (String protocol : s.sweep().labProtocols()) {
        p.put(protocol.toLowerCase(Locale.ROOT) + "_lab_path", labPath(s, protocol));
      }
      p.put("lab", "TCP and UDP ran twice at every point: through the fault proxy / UDP relay on loopback (series TCP,"
          + " UDP; TCP's loss there is the packet_loss toxic's model of a retransmission) and as the kernel's own TCP"
          + " and UDP between two network namespaces joined by the packet lab's wire (series TCP lab, UDP lab; a fresh"
          + " lab per point, its wire seeded with --seed). tcp_retrans_segs: Tcp.RetransSegs of both lab hosts' kernels"
          + " during the point; wire_*: what the wire did to the packets, both directions. A pcap per lab point: "
          + s.out().resolve("lab"));
    }
    p.put("held_fixed", "no other toxic or impairment; loopback; a fresh proxy/relay per point; one connection (TCP)"
        + " / one socket pair (UDP)");
    p.put("command", s.command());
    return p;
  }

  /** The sweep's absence sentence; with {@code --lab}, also that the absent protocol runs across the lab. */
  static String absence(ExploreSettings s) {
    String absence = s.sweep().absence();
    if (!s.lab() || absence.isEmpty()) {
      return absence;
    }
    List<String> labOnly = s.sweep().labProtocols().stream().filter(p -> !s.sweep().protocols().contains(p)).toList();
    return labOnly.isEmpty() ? absence : absence + " With --lab the kernel's " + String.join(" and ", labOnly)
        + " runs across the lab's wire all the same (series " + labOnly.get(0) + PointResult.LAB_SUFFIX
        + "), to show what that costs it.";
  }

  /** The path a lab series takes and where the swept impairment sits on it. */
  static String labPath(ExploreSettings s, String protocol) {
    String effect = s.sweep().labEffect().orElseThrow();
    boolean file = s.workload() instanceof Workload.FileTransfer;
    if (protocol.equals("TCP")) {
      return file ? "kernel TCP: client on lab host a (10.77.0.1) -> lab wire -> receiving server on host b (10.77.0.2);"
          + " on a>b (to the receiver): " + effect
          : "kernel TCP: client on lab host a (10.77.0.1) -> lab wire -> echo server on host b (10.77.0.2) and back;"
              + " on b>a (the echo path): " + effect;
    }
    return file ? "kernel UDP: sender on lab host a -> lab wire -> receiving peer on host b, one datagram per chunk;"
        + " on a>b: " + effect
        : "kernel UDP: client on lab host a -> lab wire -> echo peer on host b and back; on a>b (to the echo peer): "
            + effect;
  }

  static List<Map<String, Object>> rows(ExploreResult result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PointResult p : result.points()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("sweep", result.settings().sweep().wireName());
      row.put("value", p.value());
      row.put("protocol", p.protocol());
      row.put("sent", p.sent());
      row.put("delivered", p.delivered());
      row.put("delivered_percent", round(p.deliveredPercent(), 2));
      row.put("duplicates", p.duplicates());
      row.put("out_of_order", p.outOfOrder());
      row.put("completion_ms", ms(p.completion()));
      row.put("latency_p50_ms", ms(p.latencyP50()));
      row.put("latency_p99_ms", ms(p.latencyP99()));
      row.put("goodput_bytes_per_second", round(p.goodputBytesPerSecond(), 0));
      row.put("intact", p.intact());
      if (result.settings().lab()) {
        PointResult.LabCounts lab = p.lab();
        row.put("network", lab == null ? "loopback" : "lab");
        row.put("tcp_retrans_segs", lab == null || p.protocol().equals("UDP") ? null : lab.tcpRetransSegs());
        row.put("wire_dropped", lab == null ? null : lab.wireDropped());
        row.put("wire_duplicated", lab == null ? null : lab.wireDuplicated());
        row.put("wire_reordered", lab == null ? null : lab.wireReordered());
      }
      rows.add(row);
    }
    return rows;
  }

  static double ms(Duration d) {
    return round(d.toNanos() / 1e6, 3);
  }

  static double round(double v, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(v * scale) / scale;
  }
}
