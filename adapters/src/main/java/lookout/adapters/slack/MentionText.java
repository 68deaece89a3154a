package lookout.adapters.slack;

import java.util.regex.Pattern;

/**
 * Turns Slack's message markup into the plain text the agent reads: the bot's own mention is
 * removed, other mentions and links keep their readable part, and the three HTML escapes Slack
 * applies are undone.
 */
final class MentionText {
  private static final Pattern USER = Pattern.compile("<@([A-Z0-9]+)(?:\\|([^>]*))?>");
  private static final Pattern LABELLED = Pattern.compile("<[^>|]+\\|([^>]*)>");
  private static final Pattern BARE = Pattern.compile("<([^@#!][^>]*)>");

  private MentionText() {}

  /**
   * @param botUserId the bot's user id; null strips every leading user mention instead
   */
  static String strip(String text, String botUserId) {
    if (text == null) {
      return "";
    }
    String out =
        USER.matcher(text)
            .replaceAll(
                m -> {
                  boolean bot = botUserId == null ? m.start() == 0 : m.group(1).equals(botUserId);
                  if (bot) {
                    return "";
                  }
                  String shown = m.group(2) != null ? m.group(2) : m.group(1);
                  return java.util.regex.Matcher.quoteReplacement("@" + shown);
                });
    out = LABELLED.matcher(out).replaceAll(m -> quote(m.group(1)));
    out = BARE.matcher(out).replaceAll(m -> quote(m.group(1)));
    out = out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return out.strip().replaceAll("\\s+", " ");
  }

  private static String quote(String s) {
    return java.util.regex.Matcher.quoteReplacement(s);
  }
}
