package lookout.agent.charts;

/**
 * A picture an answer would like to show, as data: the bot draws it (PNG) and each platform
 * attaches it its own way. Text answers never depend on it: a platform that cannot show images
 * loses nothing the text does not say.
 */
public sealed interface Chart permits TimeChart, BarChart {
  String title();

  /** The language of the chart's words: the question's (Chinese or English). */
  java.util.Locale locale();
}
