package lookout.adapters.console;

/**
 * A validated {@code POST /api/console/messages} body.
 *
 * @param thread the thread to reply in, or null to start a new one
 */
record NewMessage(String user, String text, String channel, String thread) {
  static final int MAX_TEXT = 4_000;

  static NewMessage from(JsonFields body) {
    String user = JsonFields.name("user", body.required("user"));
    String text = JsonFields.length("text", body.required("text"), MAX_TEXT);
    String channel = body.optional("channel");
    channel =
        channel == null ? ConsoleAdapter.DEFAULT_CHANNEL : JsonFields.name("channel", channel);
    String thread = body.optional("thread");
    if (thread != null) {
      JsonFields.length("thread", thread, 64);
    }
    return new NewMessage(user, text, channel, thread);
  }
}
