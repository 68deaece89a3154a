package lookout.adapters.feishu;

/**
 * Text helpers for cards: one line, and cuts by characters or UTF-8 bytes that never split a
 * character.
 */
final class CardText {
  private CardText() {}

  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** At most {@code max} characters, with "…" when cut, never splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** The longest prefix of {@code text} whose UTF-8 form has at most {@code max} bytes. */
  static String cutBytes(String text, int max) {
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > max) {
        break;
      }
      bytes += size;
      i += Character.charCount(cp);
    }
    return text.substring(0, i);
  }
}
