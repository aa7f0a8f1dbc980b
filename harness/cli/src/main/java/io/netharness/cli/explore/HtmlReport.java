package io.netharness.cli.explore;

import java.util.List;
import java.util.Map;

/** The HTML report: one page, no scripts, no external resources; charts are inline SVG. */
final class HtmlReport {
  private static final String STYLE = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1d232a;max-width:1120px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
      .sub{color:#5b6570;margin:0 0 16px}
      .charts{display:flex;flex-wrap:wrap;gap:12px}
      .charts svg{border:1px solid #d8dde3;border-radius:6px;background:#fff}
      svg .grid{stroke:#e6e9ed}svg .axis{stroke:#5b6570}svg text{fill:#1d232a;font-size:11px}
      svg .title{font-size:13px;font-weight:600}svg .label{font-size:12px}
      table{border-collapse:collapse;font-variant-numeric:tabular-nums}
      th,td{border:1px solid #d8dde3;padding:3px 8px;text-align:right}th{background:#f2f4f7}
      .wide{overflow-x:auto}td.l,th.l{text-align:left}code{background:#f2f4f7;padding:1px 4px;border-radius:3px}
      """;

  private HtmlReport() {}

  static String render(ExploreResult result) {
    ExploreSettings s = result.settings();
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>netharness explore: ").append(s.sweep().wireName()).append(" sweep</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>netharness explore: ").append(Html.escape(s.sweep().axisLabel())).append(" from ")
        .append(Numbers.plain(s.from())).append(" to ").append(Numbers.plain(s.to())).append("</h1>\n")
        .append("<p class=\"sub\">").append(Html.escape(what(s))).append(", ").append(s.values().size())
        .append(" points (").append(s.scale().wireName()).append(" scale), seed <b>").append(s.seed())
        .append("</b>; repeat with <code>").append(Html.escape(s.command())).append("</code></p>\n");
    if (!s.sweep().absence().isEmpty()) {
      html.append("<p class=\"sub\" id=\"absent\">").append(Html.escape(ReportWriter.absence(s))).append("</p>\n");
    }
    html.append("<h2>Delivery and completion time</h2>\n<div class=\"charts\" id=\"headline\">\n")
        .append(SvgChart.draw("chart-delivery", "Delivered % vs " + s.sweep().axisLabel(), "delivered (%)", result,
            PointResult::deliveredPercent, 100))
        .append(SvgChart.draw("chart-completion", "Completion time vs " + s.sweep().axisLabel(), "completion (ms)",
            result, p -> p.completion().toNanos() / 1e6, 1))
        .append("</div>\n<h2>Per-").append(unit(s)).append(" latency and goodput</h2>\n<div class=\"charts\">\n")
        .append(SvgChart.draw("chart-p99", latencyKind(s) + " latency p99 vs " + s.sweep().axisLabel(), "p99 (ms)", result,
            p -> p.latencyP99().toNanos() / 1e6, 1))
        .append(SvgChart.draw("chart-goodput", "Goodput vs " + s.sweep().axisLabel(), "goodput (KB/s)", result,
            p -> p.goodputBytesPerSecond() / 1000, 1))
        .append("</div>\n");
    if (s.lab()) {
      html.append("<h2>What the lab counted</h2>\n<div class=\"charts\" id=\"lab\">\n")
          .append(SvgChart.draw("chart-retrans", "Kernel TCP retransmissions vs " + s.sweep().axisLabel(),
              "Tcp.RetransSegs", result, List.of("TCP" + PointResult.LAB_SUFFIX),
              p -> p.lab() == null ? 0 : p.lab().tcpRetransSegs(), 1))
          .append(SvgChart.draw("chart-wire", "Packets the wire " + wireVerb(s) + " vs " + s.sweep().axisLabel(),
              wireVerb(s) + " (packets)", result, s.sweep().labProtocols().stream()
                  .map(x -> x + PointResult.LAB_SUFFIX).toList(), p -> wireCount(s, p), 1))
          .append("</div>\n");
    }
    html.append("<h2>Numbers</h2>\n<div class=\"wide\">\n<table>\n<tr>");
    for (String column : ReportWriter.columns(s)) {
      html.append("<th>").append(column).append("</th>");
    }
    html.append("</tr>\n");
    for (Map<String, Object> row : ReportWriter.rows(result)) {
      html.append("<tr>");
      row.values().forEach(v -> html.append("<td>").append(v == null ? "" : Html.escape(String.valueOf(v)))
          .append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n</div>\n<h2>Parameters</h2>\n<table>\n");
    ReportWriter.parameters(s).forEach((k, v) -> html.append("<tr><th class=\"l\">").append(k)
        .append("</th><td class=\"l\">").append(Html.escape(String.valueOf(v))).append("</td></tr>\n"));
    html.append("<tr><th class=\"l\">elapsed_ms</th><td class=\"l\">").append(ReportWriter.ms(result.elapsed()))
        .append("</td></tr>\n</table>\n")
        .append("<p class=\"sub\">").append(Html.escape(legend(s))).append("</p>\n</body>\n</html>\n");
    return html.toString();
  }

  /** What the wire did that the sweep varies: dropped (loss, and latency, where nothing should be), duplicated, reordered. */
  private static String wireVerb(ExploreSettings s) {
    return switch (s.sweep()) {
      case DUPLICATE -> "duplicated";
      case REORDER -> "reordered";
      default -> "dropped";
    };
  }

  private static double wireCount(ExploreSettings s, PointResult p) {
    PointResult.LabCounts lab = p.lab();
    if (lab == null) {
      return 0;
    }
    return switch (s.sweep()) {
      case DUPLICATE -> lab.wireDuplicated();
      case REORDER -> lab.wireReordered();
      default -> lab.wireDropped();
    };
  }

  /** "200 numbered messages of 11 bytes per point over TCP and UDP", or the file's size and chunks. */
  private static String what(ExploreSettings s) {
    List<String> series = s.series();
    String over = " over " + (series.size() == 1 ? series.get(0)
        : String.join(", ", series.subList(0, series.size() - 1)) + " and " + series.get(series.size() - 1));
    if (s.workload() instanceof Workload.FileTransfer f) {
      return "a " + ByteSizes.describe(f.fileBytes()) + " file (" + f.fileBytes() + " seeded random bytes) sent one way"
          + " in " + f.chunks() + " numbered chunks of " + Workload.FileTransfer.CHUNK_BYTES + " bytes per point" + over;
    }
    Workload.Messages m = (Workload.Messages) s.workload();
    return m.count() + " numbered messages of " + m.messageBytes() + " bytes per point" + over;
  }

  private static String unit(ExploreSettings s) {
    return s.workload() instanceof Workload.FileTransfer ? "chunk" : "message";
  }

  private static String latencyKind(ExploreSettings s) {
    return s.workload() instanceof Workload.FileTransfer ? "One-way" : "Round-trip";
  }

  /** What the columns mean, for this workload. */
  private static String legend(ExploreSettings s) {
    String unit = unit(s);
    String latency = s.workload() instanceof Workload.FileTransfer
        ? "Latency is each chunk's one-way trip, from its send to its first arrival at the receiver (System.nanoTime, "
            + "one JVM). Intact means the chunks, put back in number order, hash to the file's SHA-256 (TCP: the "
            + "received stream's SHA-256). "
        : "Latency is each message's round trip, from its send to its first arrival back (System.nanoTime). Intact "
            + "means every message came back, byte for byte. ";
    return "Delivered % counts distinct " + unit + "s that arrived; duplicates and out-of-order are extra copies and "
        + "late arrivals. " + latency + "Completion is the first send to the last arrival. The TCP stream never "
        + "loses data: loss shows up as retransmission stalls.";
  }
}
