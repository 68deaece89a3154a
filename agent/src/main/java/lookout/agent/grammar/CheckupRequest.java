package lookout.agent.grammar;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check-up and capacity requests in fixed forms, English and Chinese: {@code inspect prod}, {@code
 * 巡检 staging}, {@code resources prod}, {@code top memory staging}, {@code forecast prod}, {@code
 * 哪些服务资源浪费最多}. {@code scope} is a cluster or namespace name as written, or null for the default
 * cluster.
 */
public record CheckupRequest(Kind kind, String scope) {
  public enum Kind {
    INSPECT,
    RESOURCES,
    TOP_CPU,
    TOP_MEMORY,
    FORECAST
  }

  private static final String SCOPE =
      "(?:\\s+(?:of|in|for|on|-n))?\\s*(?<scope>[a-z0-9][a-z0-9-]{0,62})?";
  private static final Pattern INSPECT =
      Pattern.compile(
          "(?:inspect|check-?up|health\\s*check|巡检(?:一下)?|体检|健康检查)" + SCOPE + "\\s*[?？]?");
  private static final Pattern INSPECT_AFTER =
      Pattern.compile("(?<scope>[a-z0-9][a-z0-9-]{0,62})\\s*(?:的)?\\s*(?:巡检|体检)(?:一下)?");
  private static final Pattern RESOURCES =
      Pattern.compile("(?:resources|right-?siz(?:e|ing)|资源分析|资源浪费|资源使用)" + SCOPE + "\\s*[?？]?");
  private static final Pattern WASTE =
      Pattern.compile(
          "(?:(?:which|what)\\s+(?:services|workloads|apps|deployments)\\s+waste\\s+(?:the\\s+)?most(?:\\s+resources)?|哪些(?:服务|应用|工作负载)资源浪费最(?:多|严重)|谁最浪费资源)"
              + SCOPE
              + "\\s*[?？]?");
  private static final Pattern TOP =
      Pattern.compile("top\\s+(?<what>memory|mem|cpu)" + SCOPE + "\\s*[?？]?");
  private static final Pattern TOP_ZH =
      Pattern.compile(
          "(?:(?<scope>[a-z0-9][a-z0-9-]{0,62})\\s*(?:的|里|中)?\\s*)?(?:谁最(?:耗|占)|(?:最)?(?:耗|占))(?<what>内存|cpu|CPU)(?:最多|top|排行)?(?:的(?:服务|应用)?)?(?:是(?:哪些|谁))?\\s*[?？]?");
  private static final Pattern FORECAST =
      Pattern.compile(
          "(?:forecast|capacity|will\\s+anything\\s+run\\s+out|容量预测|容量|预测)" + SCOPE + "\\s*[?？]?");

  /** The request, or empty when the text is something else. */
  public static Optional<CheckupRequest> parse(String text) {
    if (text == null || text.length() > 200) {
      return Optional.empty();
    }
    String t =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .replaceAll("<@[^>]+>|@\\S+", " ")
            .strip()
            .replaceAll("\\s+", " ")
            .toLowerCase(Locale.ROOT);
    Matcher m;
    if ((m = INSPECT.matcher(t)).matches() || (m = INSPECT_AFTER.matcher(t)).matches()) {
      return of(Kind.INSPECT, m);
    }
    if ((m = RESOURCES.matcher(t)).matches() || (m = WASTE.matcher(t)).matches()) {
      return of(Kind.RESOURCES, m);
    }
    if ((m = TOP.matcher(t)).matches() || (m = TOP_ZH.matcher(t)).matches()) {
      return of(m.group("what").startsWith("c") ? Kind.TOP_CPU : Kind.TOP_MEMORY, m);
    }
    if ((m = FORECAST.matcher(t)).matches()) {
      return of(Kind.FORECAST, m);
    }
    return Optional.empty();
  }

  private static Optional<CheckupRequest> of(Kind kind, Matcher m) {
    return Optional.of(new CheckupRequest(kind, m.group("scope")));
  }
}
