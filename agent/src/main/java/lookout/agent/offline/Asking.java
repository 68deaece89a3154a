package lookout.agent.offline;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a text is put as a question ("@lookout anything on fire?", "集群现在有啥问题"). A question that
 * names nothing is answered with what needs attention; only a text that asks nothing ("bake me a
 * cake") is "not understood".
 */
final class Asking {
  private static final Pattern ENGLISH =
      Pattern.compile(
          "(?:^|\\s)(?:what|what's|whats|why|how|is|are|was|were|any|anything|anybody|did|does|do"
              + "|can|could|who|where|which|when|should|has|have)\\b");
  private static final Pattern CHINESE = Pattern.compile("吗|么|啥|什么|怎么|怎样|有没有|是不是|是否|呢|哪|为何|如何");

  private Asking() {}

  static boolean question(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.contains("?") || t.contains("？")) {
      return true;
    }
    String start = t.replaceFirst("^(?:@\\S+\\s+)+", "");
    return ENGLISH.matcher(start).lookingAt() || CHINESE.matcher(t).find();
  }
}
