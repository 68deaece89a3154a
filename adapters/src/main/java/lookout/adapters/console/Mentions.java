package lookout.adapters.console;

import java.util.regex.Pattern;

/**
 * Removes the optional leading "@lookout" people type, as other platforms strip their mention
 * markup.
 */
final class Mentions {
  private static final Pattern LEADING =
      Pattern.compile("^\\s*@lookout\\b[\\s,:]*", Pattern.CASE_INSENSITIVE);

  private Mentions() {}

  static String strip(String text) {
    return LEADING.matcher(text).replaceFirst("").strip();
  }
}
