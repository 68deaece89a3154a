package lookout.adapters.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Run by {@link ChartFontTest} in a JVM of its own, where the system offers no font: {@code
 * system-font} draws with a logical font (expected to fail there), {@code chart} draws a Chinese
 * bar chart with the bundled font and writes it to the given file.
 */
public final class DrawInChildJvm {
  private DrawInChildJvm() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("system-font")) {
      BufferedImage image = new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString("memory 内存", 5, 20);
      System.out.println("drawn with a system font");
      return;
    }
    BarPlot chart =
        new BarPlot(
            "sandbox/prod 内存占用最高的工作负载（每个 Pod，当前）",
            new Plot.Scale(true, v -> Math.round(v / (1 << 20)) + "Mi"),
            List.of(
                new BarPlot.Bar(
                    "prod/order-service", 900.0 * (1 << 20), OptionalDouble.of(1 << 30)),
                new BarPlot.Bar("prod/frontend", 300.0 * (1 << 20), OptionalDouble.empty())),
            "上限",
            Locale.SIMPLIFIED_CHINESE);
    Files.write(Path.of(args[1]), ChartPng.render(chart));
    System.out.println("drawn; sun.awt.fontconfig=" + System.getProperty("sun.awt.fontconfig"));
  }
}
