package io.netharness.cli.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A line chart as inline SVG, styled by attributes so it also stands alone as an .svg file: one polyline (with a dot per point) per protocol, axes with ticks, a legend. */
final class SvgChart {
  static final String TCP_COLOUR = "#1f6fb4";
  static final String UDP_COLOUR = "#d1452b";
  static final String TCP_LAB_COLOUR = "#6a3d9a";
  static final String UDP_LAB_COLOUR = "#e08a00";
  private static final int WIDTH = 520;
  private static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 50;
  private static final int BOTTOM = 48;

  private SvgChart() {}

  /**
   * A chart of {@code metric} against the swept value, one line per protocol run. With
   * {@code --scale log} the x axis is logarithmic, so log-spaced points sit evenly along it.
   */
  static String draw(String id, String title, String yLabel, ExploreResult result, ToDoubleFunction<PointResult> metric,
      double yFloorMax) {
    return draw(id, title, yLabel, result, result.settings().series(), metric, yFloorMax);
  }

  /** The same, with only the given series ({@code TCP}, {@code UDP}, {@code TCP lab}, {@code UDP lab}). */
  static String draw(String id, String title, String yLabel, ExploreResult result, List<String> protocols,
      ToDoubleFunction<PointResult> metric, double yFloorMax) {
    ExploreSettings settings = result.settings();
    List<Double> values = settings.values();
    boolean log = settings.scale() == Scale.LOG && values.get(0) > 0;
    double xMin = position(values.get(0), log);
    double xMax = position(values.get(values.size() - 1), log);
    double yMax = yFloorMax;
    for (PointResult p : result.points()) {
      if (protocols.contains(p.series())) {
        yMax = Math.max(yMax, metric.applyAsDouble(p));
      }
    }
    yMax = niceCeiling(yMax);
    Axis x = new Axis(xMin, xMax == xMin ? xMin + 1 : xMax, LEFT, WIDTH - RIGHT, log);
    Axis y = new Axis(0, yMax, HEIGHT - BOTTOM, TOP, false);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<title>").append(Html.escape(title)).append("</title>\n");
    svg.append(text(WIDTH / 2.0, 20, "middle", "title", title));
    for (int i = 0; i <= 4; i++) {
      double yv = yMax * i / 4;
      double py = y.map(yv);
      svg.append(line(LEFT, py, WIDTH - RIGHT, py, "grid"));
      svg.append(text(LEFT - 6, py + 4, "end", "tick", Numbers.plain(round3(yv))));
    }
    for (double value : values) {
      double px = x.map(value);
      svg.append(line(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5, "axis"));
      svg.append(text(px, HEIGHT - BOTTOM + 18, "middle", "tick", Numbers.plain(value)));
    }
    svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis"));
    svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis"));
    svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 10, "middle", "label",
        settings.sweep().axisLabel() + (log ? ", log scale" : "")));
    svg.append("<text class=\"label\" font-size=\"12\" font-family=\"sans-serif\" text-anchor=\"middle\" transform=\"translate(14 ")
        .append(fmt((TOP + HEIGHT - BOTTOM) / 2.0)).append(") rotate(-90)\">").append(Html.escape(yLabel))
        .append("</text>\n");
    for (int i = 0; i < protocols.size(); i++) {
      String protocol = protocols.get(i);
      svg.append(series(protocol, colour(protocol), result.of(protocol), metric, x, y));
    }
    for (int i = 0; i < protocols.size(); i++) {
      // the last legend entry keeps its place at the right, whether one protocol runs or two
      svg.append(legend(protocols.get(i), colour(protocols.get(i)), i, protocols.size(),
          protocols.stream().anyMatch(p -> p.endsWith(PointResult.LAB_SUFFIX))));
    }
    return svg.append("</svg>\n").toString();
  }

  private static String colour(String protocol) {
    return switch (protocol) {
      case "TCP" -> TCP_COLOUR;
      case "UDP" -> UDP_COLOUR;
      case "TCP lab" -> TCP_LAB_COLOUR;
      default -> UDP_LAB_COLOUR;
    };
  }

  private static double position(double value, boolean log) {
    return log ? Math.log10(value) : value;
  }

  private static String series(String name, String colour, List<PointResult> points,
      ToDoubleFunction<PointResult> metric, Axis x, Axis y) {
    List<String> coordinates = new ArrayList<>();
    StringBuilder dots = new StringBuilder();
    for (PointResult p : points) {
      String px = fmt(x.map(p.value()));
      String py = fmt(y.map(metric.applyAsDouble(p)));
      coordinates.add(px + "," + py);
      dots.append("<circle cx=\"").append(px).append("\" cy=\"").append(py).append("\" r=\"3.5\" fill=\"")
          .append(colour).append("\"><title>").append(name).append(' ').append(Numbers.plain(p.value())).append(": ")
          .append(Numbers.plain(round3(metric.applyAsDouble(p)))).append("</title></circle>\n");
    }
    String dash = name.endsWith(PointResult.LAB_SUFFIX) ? "\" stroke-dasharray=\"7 3" : "";
    return "<polyline class=\"series\" data-protocol=\"" + name + "\" fill=\"none\" stroke=\"" + colour + dash
        + "\" stroke-width=\"2.5\" points=\"" + String.join(" ", coordinates) + "\"/>\n" + dots;
  }

  /**
   * Entry {@code index} of {@code count}; the last entry keeps its place at the right whatever the count. "TCP lab"
   * needs more room than "TCP", so with a lab series the entries are 66 px apart instead of 56.
   */
  private static String legend(String name, String colour, int index, int count, boolean lab) {
    double lx = !lab && count <= 2 ? WIDTH - RIGHT - 110 + (2 - count + index) * 56
        : WIDTH - RIGHT - 66 * count + index * 66;
    // in the strip between the title and the plot, so it never covers a line
    return "<rect x=\"" + fmt(lx) + "\" y=\"" + (TOP - 22) + "\" width=\"14\" height=\"4\" fill=\"" + colour + "\"/>"
        + text(lx + 18, TOP - 17, "start", "tick", name);
  }

  private static String line(double x1, double y1, double x2, double y2, String cls) {
    String stroke = cls.equals("grid") ? "#e6e9ed" : "#5b6570";
    return "<line class=\"" + cls + "\" stroke=\"" + stroke + "\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\""
        + fmt(y2) + "\"/>\n";
  }

  private static String text(double x, double y, String anchor, String cls, String content) {
    String font = cls.equals("title") ? "font-size=\"13\" font-weight=\"600\"" : cls.equals("label") ? "font-size=\"12\""
        : "font-size=\"11\"";
    return "<text class=\"" + cls + "\" " + font + " font-family=\"sans-serif\" fill=\"#1d232a\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">"
        + Html.escape(content) + "</text>\n";
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at least {@code value}. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String fmt(double v) {
    return Numbers.fixed(v, 1);
  }

  /** Maps values to pixels; {@code from} and {@code to} are already log10 on a log axis. */
  private record Axis(double from, double to, double pixelFrom, double pixelTo, boolean log) {
    double map(double v) {
      return pixelFrom + (position(v, log) - from) / (to - from) * (pixelTo - pixelFrom);
    }
  }
}
