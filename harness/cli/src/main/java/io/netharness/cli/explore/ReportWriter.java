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
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, Object> row : rows(result)) {
      List<String> cells = new ArrayList<>();
      row.values().forEach(v -> cells.add(String.valueOf(v)));
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
      p.put("absent", s.sweep().absence());
    }
    p.put("held_fixed", "no other toxic or impairment; loopback; a fresh proxy/relay per point; one connection (TCP)"
        + " / one socket pair (UDP)");
    p.put("command", s.command());
    return p;
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
