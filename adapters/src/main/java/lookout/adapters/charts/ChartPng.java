package lookout.adapters.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws charts as PNG bytes with headless Java2D and the bundled {@link ChartFont}: no display, no
 * font on the system needed. {@link #render} throws when drawing fails anyway (no AWT in the
 * runtime, no writable temporary folder for the font) so callers can post the text without the
 * picture.
 */
public final class ChartPng {
  public static final int WIDTH = 960;
  public static final int HEIGHT = 480;

  static final Color BACKGROUND = Color.WHITE;
  static final Color GRID = new Color(0xE3E6EA);
  static final Color TEXT = new Color(0x2B2F33);
  static final Color LIMIT = new Color(0xD12F2F);
  static final Color[] PALETTE = {
    new Color(0x1F6FEB), new Color(0x2DA44E), new Color(0xBF8700), new Color(0x8250DF)
  };

  // Plot area margins: room for value labels left, time labels and legend below.
  static final int LEFT = 90;
  static final int RIGHT = 30;
  static final int TOP = 56;
  static final int BOTTOM = 84;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartPng() {}

  public static byte[] render(Plot chart) {
    return switch (chart) {
      case LinePlot t -> render(t);
      case BarPlot b -> render(b);
    };
  }

  public static byte[] render(LinePlot chart) {
    return png(HEIGHT, g -> new LinePlotPainter(chart, g).paint());
  }

  public static byte[] render(BarPlot chart) {
    return png(BarPlotPainter.height(chart), g -> new BarPlotPainter(chart, g).paint());
  }

  private static byte[] png(int height, java.util.function.Consumer<Graphics2D> painter) {
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, WIDTH, height);
      painter.accept(g);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("while encoding a chart", e);
    }
    return out.toByteArray();
  }

  static void title(Graphics2D g, String title, String subtitle) {
    g.setColor(TEXT);
    g.setFont(ChartFont.bold(19));
    g.drawString(title, LEFT, 30);
    if (subtitle != null) {
      g.setFont(small());
      g.drawString(subtitle, LEFT, 47);
    }
  }

  static Font small() {
    return ChartFont.plain(12);
  }

  static BasicStroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {8, 6}, 0);
  }

  /** x of {@code t} in a plot spanning {@code from}..{@code to}. */
  static double x(Instant t, Instant from, Instant to, int left, int width) {
    double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    return left + (t.toEpochMilli() - from.toEpochMilli()) / span * width;
  }

  static double y(double v, Axis.Values axis, int top, int height) {
    return top + height - (v - axis.min()) / (axis.max() - axis.min()) * height;
  }

  static Path2D.Double path(List<double[]> xy) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < xy.size(); i++) {
      if (i == 0) {
        p.moveTo(xy.get(i)[0], xy.get(i)[1]);
      } else {
        p.lineTo(xy.get(i)[0], xy.get(i)[1]);
      }
    }
    return p;
  }
}
