package lookout.adapters.charts;

import java.awt.AWTError;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The one font charts are drawn with, shipped in the jar: WenQuanYi Micro Hei (Apache-2.0), subset
 * to ASCII, a few symbols, CJK punctuation and every character of the chart templates — 21 KB
 * ({@code adapters/src/font/subset-chart-font.sh}). Loaded with {@link Font#createFont}, so a chart
 * looks the same on a laptop, on a build machine without a Chinese font and in a slim image with no
 * fonts at all.
 *
 * <p>On Linux the JDK's font manager will not start without a font configuration — the system's
 * fontconfig, or a properties file — not even to load a font from a file ("Fontconfig head is
 * null"). Unless {@code sun.awt.fontconfig} is set already, the first use writes a properties file
 * that maps every logical font to the bundled one and points the JDK at it, so nothing on the
 * system is consulted. The font and that file live in a fresh folder under {@code java.io.tmpdir}
 * (the JDK reads glyphs from the file lazily), deleted when the JVM exits.
 */
public final class ChartFont {
  static final String RESOURCE = "fonts/wqy-microhei-charts.ttf";
  static final String FONTCONFIG_PROPERTY = "sun.awt.fontconfig";

  private ChartFont() {}

  /** The bundled font at {@code size} points; throws with the cause when it cannot be loaded. */
  public static Font plain(float size) {
    return Loaded.font().deriveFont(Font.PLAIN, size);
  }

  /** Bold by emboldening the outlines: the font has one weight. */
  public static Font bold(float size) {
    return Loaded.font().deriveFont(Font.BOLD, size);
  }

  /** Loads once, on first use; a failure is kept and rethrown (with its cause) on every use. */
  private static final class Loaded {
    private static final Font FONT;
    private static final RuntimeException FAILURE;

    static {
      Font font = null;
      RuntimeException failure = null;
      try {
        font = load();
      } catch (IOException | FontFormatException | RuntimeException | AWTError | LinkageError e) {
        failure = new IllegalStateException("the chart font could not be loaded: " + e, e);
      }
      FONT = font;
      FAILURE = failure;
    }

    static Font font() {
      if (FAILURE != null) {
        throw FAILURE;
      }
      return FONT;
    }
  }

  static Font load() throws IOException, FontFormatException {
    Path dir = Files.createTempDirectory("lookout-chart-font");
    dir.toFile().deleteOnExit(); // registered first, deleted last
    Path ttf = dir.resolve("chart-font.ttf");
    try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " is missing from the class path");
      }
      Files.copy(in, ttf);
    }
    ttf.toFile().deleteOnExit();
    if (System.getProperty(FONTCONFIG_PROPERTY) == null
        && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      Path config = dir.resolve("fontconfig.properties");
      writeFontConfiguration(ttf, config);
      config.toFile().deleteOnExit();
      System.setProperty(FONTCONFIG_PROPERTY, config.toString());
    }
    return Font.createFont(Font.TRUETYPE_FONT, ttf.toFile());
  }

  /**
   * A JDK font configuration (the properties format of the JDK's "Font Configuration Files") in
   * which every logical font, in every style, is the bundled font.
   */
  static void writeFontConfiguration(Path ttf, Path config) throws IOException {
    Properties p = new Properties();
    p.setProperty("version", "1");
    for (String family :
        new String[] {"serif", "sansserif", "monospaced", "dialog", "dialoginput"}) {
      for (String style : new String[] {"plain", "bold", "italic", "bolditalic"}) {
        p.setProperty(family + "." + style + ".latin-1", "Lookout Chart");
      }
    }
    p.setProperty("sequence.allfonts", "latin-1");
    p.setProperty("filename.Lookout_Chart", ttf.toAbsolutePath().toString());
    try (Writer out = Files.newBufferedWriter(config)) {
      p.store(out, "Lookout's charts: every logical font is the bundled chart font");
    }
  }
}
