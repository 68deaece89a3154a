package lookout.adapters.chat;

/**
 * What the person who clicked is told right away (a toast, an ephemeral message, an HTTP answer).
 *
 * @param accepted whether the click changed anything
 * @param notice one line for the clicker, e.g. "You cannot approve your own request."
 */
public record ClickReply(boolean accepted, String notice) {
  public static ClickReply accepted(String notice) {
    return new ClickReply(true, notice);
  }

  public static ClickReply refused(String notice) {
    return new ClickReply(false, notice);
  }
}
