package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code netharness explore} run in-process, with what it printed and the CSV rows it wrote. */
record ExploreRun(int code, String out, String err) {
  private static final Pattern POLYLINE = Pattern.compile("<polyline[^>]*data-protocol=\"(\\w+)\"[^>]*points=\"([^\"]*)\"");

  static ExploreRun explore(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "explore";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = NetHarness.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    return new ExploreRun(code, out.toString(), err.toString());
  }

  /** The rows of {@code dir/report.csv}, each a map from column to cell. */
  static List<Map<String, String>> csv(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("report.csv"));
      List<String> columns = List.of(lines.get(0).split(","));
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        assertThat(cells).as(line).hasSameSizeAs(columns);
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
          row.put(columns.get(i), cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The protocols of the polylines in the headline charts (delivery, completion) of {@code dir/report.html}. */
  static List<String> headlineSeries(Path dir) {
    String html;
    try {
      html = Files.readString(dir.resolve("report.html"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = html.indexOf("id=\"headline\"");
    Matcher m = POLYLINE.matcher(html.substring(start, html.indexOf("</div>", start)));
    List<String> protocols = new ArrayList<>();
    while (m.find()) {
      protocols.add(m.group(1));
    }
    return protocols;
  }

  @Override
  public String toString() {
    return "exit " + code + "\n" + out + err;
  }
}
