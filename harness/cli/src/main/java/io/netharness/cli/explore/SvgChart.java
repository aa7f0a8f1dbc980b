package io.netharness.cli.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A line chart as inline SVG, styled by attributes so it also stands alone as an .svg file: one polyline (with a dot per point) per protocol, axes with ticks, a legend. */
final class SvgChart {
  static final String TCP_COLOUR = "#1f6fb4";
  static final String UDP_COLOUR = "#d1452b";
  private static final int WIDTH = 520;
  private static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 50;
  private static final int BOTTOM = 48;

  private SvgChart() {}

  /** A chart of {@code metric} against the swept value, TCP and UDP. */
  static String draw(String id, String title, String yLabel, ExploreResult result, ToDoubleFunction<PointResult> metric,
      double yFloorMax) {
    List<PointResult> tcp = result.of("TCP");
    List<PointResult> udp = result.of("UDP");
    double xMin = result.settings().from();
    double xMax = result.settings().to();
    double yMax = yFloorMax;
    for (PointResult p : result.points()) {
      yMax = Math.max(yMax, metric.applyAsDouble(p));
    }
    yMax = niceCeiling(yMax);
    Scale x = new Scale(xMin, xMax == xMin ? xMin + 1 : xMax, LEFT, WIDTH - RIGHT);
    Scale y = new Scale(0, yMax, HEIGHT - BOTTOM, TOP);
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
    for (PointResult p : tcp) {
      double px = x.map(p.value());
      svg.append(line(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5, "axis"));
      svg.append(text(px, HEIGHT - BOTTOM + 18, "middle", "tick", Numbers.plain(p.value())));
    }
    svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis"));
    svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "axis"));
    svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 10, "middle", "label", result.settings().sweep().axisLabel()));
    svg.append("<text class=\"label\" font-size=\"12\" font-family=\"sans-serif\" text-anchor=\"middle\" transform=\"translate(14 ")
        .append(fmt((TOP + HEIGHT - BOTTOM) / 2.0)).append(") rotate(-90)\">").append(Html.escape(yLabel))
        .append("</text>\n");
    svg.append(series("TCP", TCP_COLOUR, tcp, metric, x, y));
    svg.append(series("UDP", UDP_COLOUR, udp, metric, x, y));
    svg.append(legend("TCP", TCP_COLOUR, 0)).append(legend("UDP", UDP_COLOUR, 1));
    return svg.append("</svg>\n").toString();
  }

  private static String series(String name, String colour, List<PointResult> points,
      ToDoubleFunction<PointResult> metric, Scale x, Scale y) {
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
    return "<polyline class=\"series\" data-protocol=\"" + name + "\" fill=\"none\" stroke=\"" + colour
        + "\" stroke-width=\"2.5\" points=\"" + String.join(" ", coordinates) + "\"/>\n" + dots;
  }

  private static String legend(String name, String colour, int index) {
    double lx = WIDTH - RIGHT - 110 + index * 56;
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

  private record Scale(double from, double to, double pixelFrom, double pixelTo) {
    double map(double v) {
      return pixelFrom + (v - from) / (to - from) * (pixelTo - pixelFrom);
    }
  }
}
